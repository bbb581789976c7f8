// Written by `npm run derive-script-chars` from opencc-js's dictionaries: do not edit. What these
// are: phrase-folds.ts. A unit test fails when opencc-js no longer gives the same.
export const PHRASE_FOLDS =
  '伕夫 俱具 像象 哩里 唚吣 座坐 彷仿 待呆 拏拿 揹背 斲斫 澂澄 濬浚 燄焰 瑯琅 甦苏 甯宁 瞭了 篠筱 籐藤 繐穗 耈耇 耡锄 荳豆 菓果 薰熏 藉借 蘗檗 覆复 觔斤 託讬 諮谘 讎仇 鉅钜 鍊链 鍾锺 鎗枪 鏚戚 隄堤 餘馀 鯰鲶 麼麽';
