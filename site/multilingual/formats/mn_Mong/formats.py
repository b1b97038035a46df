# Government notices write dates as "2023 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 17 ᠤ ᠡᠳᠦᠷ".
DATE_FORMAT = "Y ᠣᠨ ᠤ n ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ j ᠤ ᠡᠳᠦᠷ"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y ᠣᠨ ᠤ n ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ j ᠤ ᠡᠳᠦᠷ H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
MONTH_DAY_FORMAT = "n ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ j"
YEAR_MONTH_FORMAT = "Y ᠣᠨ ᠤ n ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
