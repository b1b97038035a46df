# Government notices write dates as "2023 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 17 ᠤ ᠡᠳᠦᠷ".  The month
# ("F") comes from the catalogue ("5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ", "11 ᠳ᠋ᠦᠭᠡᠷ ᠰᠠᠷ᠎ᠠ") so that the
# ordinal suffix follows the vowel harmony of each month's numeral.
DATE_FORMAT = "Y ᠣᠨ ᠤ F ᠶᠢᠨ j ᠤ ᠡᠳᠦᠷ"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y ᠣᠨ ᠤ F ᠶᠢᠨ j ᠤ ᠡᠳᠦᠷ H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
MONTH_DAY_FORMAT = "F ᠶᠢᠨ j"
YEAR_MONTH_FORMAT = "Y ᠣᠨ ᠤ F"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
