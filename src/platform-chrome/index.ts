// The mini-program draws its title bar and tab bar natively: nothing to add. Taro picks index.h5.ts in H5.
export {}
