// Taro's preset compiles the mini-program and H5 sources (React + TypeScript).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
