// H5: Taro draws the title bar and tab bar in HTML; make them as readable as the pages.
import './h5-chrome.css'
