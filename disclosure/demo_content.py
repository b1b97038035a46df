"""The disclosure library's demo texts (fictional, written for the project):
主题分类, each organisation's documents, and the documents of the English and the
traditional-Mongolian catalogues."""

# 主题分类 (code, name, parent code)
DISCLOSURE_TOPICS = [
    ("gmjj", "国民经济管理、国有资产监管", None),
    ("fzgh", "发展规划", "gmjj"),
    ("jgsf", "价格、收费", "gmjj"),
    ("kjjy", "科技、教育", None),
    ("jy", "教育", "kjjy"),
    ("zrzy", "城乡建设、环境保护", None),
    ("hjjc", "环境监测、保护与治理", "zrzy"),
    ("nlmy", "农业、林业、水利", None),
    ("mm", "畜牧", "nlmy"),
    ("zfgz", "综合政务", None),
    ("zwgk", "政务公开", "zfgz"),
]

# per site: (title, doc type, 发文字号 prefix, topic code, summary)
DISCLOSURE = {
    "www.localhost": ("敕政发", [
        ("敕勒川市人民政府关于印发《敕勒川市政务服务“一网通办”实施方案》的通知", "notice", "zwgk",
         "明确到2027年底全市政务服务事项全部实现网上可办，高频事项实现“一件事一次办”。"),
        ("敕勒川市人民政府关于公布市级行政许可事项清单（2026年版）的决定", "decision", "zwgk",
         "公布市级行政许可事项312项，逐项明确实施机关、设定依据和办理时限。"),
        ("敕勒川市人民政府关于进一步加强草原生态保护的意见", "opinion", "mm",
         "落实草畜平衡和禁牧休牧制度，加强草原监测与执法。"),
        ("敕勒川市国民经济和社会发展第十五个五年规划纲要", "plan", "fzgh",
         "提出“十五五”时期全市经济社会发展的主要目标和重点任务。"),
        ("敕勒川市人民政府2025年政府信息公开工作年度报告", "report", "zwgk",
         "按照《中华人民共和国政府信息公开条例》要求编制的年度报告。"),
    ]),
    "fgw.localhost": ("敕发改发", [
        ("敕勒川市发展和改革委员会关于公布政府定价目录（2026年版）的通知", "notice", "jgsf",
         "公布市级政府定价项目共9类，明确定价内容和定价部门。"),
        ("敕勒川市重点项目管理办法", "measures", "fzgh",
         "规范市级重点项目的申报、审核、调度和考核。"),
        ("关于调整居民用管道天然气销售价格的通知", "notice", "jgsf",
         "居民用管道天然气销售价格每立方米调整为2.86元。"),
        ("《敕勒川市重点项目管理办法》政策解读", "interpretation", "fzgh",
         "从制定背景、主要内容和适用范围三方面解读《敕勒川市重点项目管理办法》。"),
    ]),
    "jyj.localhost": ("敕教发", [
        ("敕勒川市教育局关于2026年义务教育阶段招生入学工作的通知", "notice", "jy",
         "坚持免试就近入学，明确招生范围、入学条件和办理流程。"),
        ("敕勒川市中小学校校外培训监管办法", "measures", "jy",
         "规范校外培训机构审批、收费和日常监管。"),
        ("敕勒川市教育局2025年政府信息公开工作年度报告", "report", "zwgk",
         "按照《中华人民共和国政府信息公开条例》要求编制的年度报告。"),
    ]),
    "byhq.localhost": ("白政发", [
        ("白音花旗人民政府关于禁牧休牧的通告", "circular", "mm",
         "每年4月1日至5月31日在全旗范围内实行春季休牧。"),
        ("白音花旗2026年草原生态保护补助奖励资金实施方案", "plan", "mm",
         "明确补助对象、补助标准和资金发放程序。"),
        ("白音花旗人民政府关于做好冬春季防灾减灾工作的通知", "notice", "zwgk",
         "做好储草备料、棚圈加固和应急物资储备。"),
    ]),
}

DISCLOSURE_BODY = [
    "第一条 为了{purpose}，根据有关法律、法规和上级文件规定，结合本地实际，制定本文件。",
    "第二条 本文件适用于{scope}。各有关单位应当按照职责分工，做好相关工作。",
    "第三条 {org}负责组织实施本文件，并对执行情况进行监督检查。",
    "第四条 公民、法人和其他组织对本文件有意见建议的，可以通过政府网站、12345政务服务便民热线等渠道反映。",
    "第五条 本文件自发布之日起施行，有效期五年。",
]

# The language sites' catalogues: (title, doc type, topic code, summary[, paragraphs]).
ENGLISH_DISCLOSURE = [
    ("Measures of Chilechuan for the Management of Key Projects (English summary)", "measures", "fzgh",
     "The measures govern how municipal key projects are proposed, reviewed, scheduled and assessed."),
    ("Annual report on government information disclosure 2025 (English summary)", "report", "zwgk",
     "The report made under the Regulations on the Disclosure of Government Information."),
    ("Opinions on strengthening grassland ecological protection (English summary)", "opinion", "mm",
     "Grazing bans and rotational grazing are enforced and grassland monitoring is strengthened."),
]
# Written in traditional script, as the Mongolian site's other pages (cluster.demo.content).
MONGOLIAN_DISCLOSURE = [('ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠣᠷᠳᠣᠨ\u202fᠤ ᠪᠢᠯᠴᠡᠭᠡᠷ\u202fᠦᠨ '
                 'ᠡᠬᠣᠯᠣᠭ\u202fᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ\u202fᠶᠢ ᠴᠢᠩᠭᠠᠳᠬᠠᠬᠤ ᠲᠤᠬᠠᠢ ᠰᠠᠨᠠᠯ',
                 'opinion',
                 'mm',
                 'ᠮᠠᠯ\u202fᠤᠨ ᠪᠢᠯᠴᠡᠭᠡᠷ\u202fᠦᠨ ᠲᠡᠨᠴᠡᠪ\u202fᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠵᠤ᠂ ᠪᠢᠯᠴᠡᠭᠡᠷ\u202fᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠠᠵᠢᠯ\u202f'
                 'ᠢ ᠴᠢᠩᠭᠠᠳᠬᠠᠨ\u180eᠠ᠃',
                 ['ᠪᠢᠯᠴᠡᠭᠡᠷ ᠪᠣᠯ ᠮᠠᠯᠴᠢᠳ\u202fᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ\u202fᠤᠨ ᠦᠨᠳᠤᠰᠤᠨ ᠮᠥᠨ᠃',
                  'ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ᠲᠣᠢᠷᠢᠭ ᠪᠦᠷᠢ ᠵᠢᠯ ᠪᠦᠷᠢ ᠪᠢᠯᠴᠡᠭᠡᠷ\u202fᠦᠨ ᠪᠠᠶᠢᠳᠠᠯ\u202fᠢ ᠰᠢᠨᠵᠢᠯᠡᠨ\u180eᠡ᠃']),
                ('2025 ᠣᠨ\u202fᠤ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠮᠡᠳᠡᠭᠡᠯ\u202fᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠭᠰᠠᠨ ᠠᠵᠢᠯ\u202fᠤᠨ ᠢᠯᠡᠳᠬᠡᠯ',
                 'report',
                 'zwgk',
                 '《中华人民共和国政府信息公开条例》 \u202fᠦᠨ ᠰᠢᠭᠠᠷᠳᠠᠯᠭ\u180eᠠ\u202fᠶᠢᠨ ᠳᠠᠭᠤᠤ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠢᠯ\u202fᠦᠨ ᠢᠯᠡᠳᠬᠡᠯ᠃',
                 ['ᠨᠢᠭᠡ᠃ ᠶᠡᠷᠦᠩᠬᠡᠢ ᠪᠠᠶᠢᠳᠠᠯ᠃',
                  'ᠬᠣᠶᠠᠷ᠃ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠮᠡᠳᠡᠭᠡᠯ\u202fᠢ ᠢᠳᠡᠪᠬᠢᠲᠡᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠳᠠᠯ᠃']),
                ('ᠮᠠᠯ ᠠᠵᠤ ᠠᠬᠤᠢ\u202fᠶᠢᠨ ᠳᠠᠬᠠᠲᠬᠠᠯ\u202fᠤᠨ ᠮᠥᠩᠭᠡ\u202fᠶᠢ ᠲᠠᠷᠬᠠᠭᠠᠬᠤ ᠠᠷᠭ\u180eᠠ',
                 'measures',
                 'mm',
                 'ᠳᠠᠬᠠᠲᠬᠠᠯ\u202fᠤᠨ ᠮᠥᠩᠭᠡ\u202fᠶᠢ ᠠᠪᠬᠤ ᠬᠦᠮᠦᠨ᠂ ᠬᠡᠮᠵᠢᠶ\u180eᠡ ᠪᠠ ᠲᠠᠷᠬᠠᠭᠠᠬᠤ ᠵᠢᠷᠤᠮ\u202fᠢ '
                 'ᠲᠣᠳᠣᠷᠬᠠᠢᠯᠠᠨ\u180eᠠ᠃',
                 ['ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ᠄ ᠡᠨᠡ ᠠᠷᠭ\u180eᠠ\u202fᠶᠢ ᠪᠢᠯᠴᠡᠭᠡᠷ\u202fᠦᠨ ᠡᠬᠣᠯᠣᠭ\u202fᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ '
                  'ᠵᠣᠷᠢᠯᠭ\u180eᠠ ᠪᠠᠷ ᠵᠣᠬᠢᠶᠠᠪᠠ᠃',
                  'ᠬᠣᠶᠠᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ᠄ ᠳᠠᠬᠠᠲᠬᠠᠯ\u202fᠤᠨ ᠮᠥᠩᠭᠡ\u202fᠶᠢ ᠵᠢᠯ ᠪᠦᠷᠢ 6 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ\u180eᠠ ᠳᠤ '
                  'ᠲᠠᠷᠬᠠᠭᠠᠨ\u180eᠠ᠃']),
                ('ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ\u202fᠦᠨ ᠠᠵᠢᠯ\u202fᠢ ᠰᠠᠶᠢᠵᠢᠷᠠᠭᠤᠯᠬᠤ ᠲᠠᠪᠤᠨ ᠵᠢᠯ\u202fᠦᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡᠨ',
                 'plan',
                 'zwgk',
                 'ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ ᠪᠠ ᠠᠯᠪᠠᠨ ᠪᠢᠴᠢᠭ ᠳᠦ ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ\u202fᠢ ᠵᠢᠷᠤᠮ\u202fᠤᠨ ᠬᠣᠳ ᠢᠶᠠᠷ '
                 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ\u202fᠶᠢ ᠲᠣᠳᠣᠷᠬᠠᠢᠯᠠᠨ\u180eᠠ᠃',
                 ['ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ\u202fᠦᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ\u202fᠶᠢᠨ ᠠᠭᠤᠯᠭ\u180eᠠ\u202fᠶᠢ ᠰᠠᠶᠢᠵᠢᠷᠠᠭᠤᠯᠤᠨ\u180eᠠ᠃',
                  'ᠬᠠᠭᠤᠴᠢᠨ ᠬᠣᠳ\u202fᠲᠠᠢ ᠪᠢᠴᠢᠭ\u202fᠢ ᠵᠢᠷᠤᠮ\u202fᠤᠨ ᠬᠣᠳ ᠳᠦ ᠱᠢᠯᠵᠢᠭᠤᠯᠤᠨ\u180eᠠ᠃']),
                ('ᠡᠪᠦᠯ\u202fᠦᠨ ᠳᠤᠯᠠᠭᠠᠨ ᠬᠠᠩᠭᠠᠬᠤ ᠦᠡ\u202fᠶᠢᠨ ᠨᠠᠢ᠍ᠮᠠᠨ ᠵᠦᠢᠯ\u202fᠦᠨ ᠬᠡᠮᠵᠢᠶ\u180eᠡ\u202fᠶᠢᠨ ᠲᠤᠬᠠᠢ '
                 'ᠮᠡᠳᠡᠭᠳᠡᠯ',
                 'notice',
                 'zwgk',
                 'ᠡᠪᠦᠯ\u202fᠦᠨ ᠳᠤᠯᠠᠭᠠᠨ ᠬᠠᠩᠭᠠᠬᠤ ᠦᠡ ᠳᠦ ᠨᠠᠢ᠍ᠮᠠᠨ ᠵᠦᠢᠯ\u202fᠦᠨ ᠬᠡᠮᠵᠢᠶ\u180eᠡ ᠠᠪᠤᠨ\u180eᠠ᠃',
                 ['ᠨᠠᠢ᠍ᠮᠠᠨ ᠵᠦᠢᠯ\u202fᠦᠨ ᠬᠡᠮᠵᠢᠶ\u180eᠡ\u202fᠶᠢ ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ᠲᠣᠢᠷᠢᠭ ᠪᠦᠷᠢ ᠬᠡᠷᠡᠭᠯᠡᠨ\u180eᠡ᠃',
                  'ᠠᠰᠠᠭᠤᠳᠠᠯ ᠪᠠᠶᠢᠪᠠᠯ 12345 ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠮᠡᠳᠡᠭᠦᠯᠦᠨ\u180eᠡ ᠤᠤ᠃']),
                ('ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠭᠡ\u202fᠶᠢᠨ ᠬᠡᠷᠡᠭ\u202fᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯ\u202fᠢ ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ '
                 'ᠲᠤᠬᠠᠢ ᠱᠢᠢᠳᠪᠦᠷᠢ',
                 'decision',
                 'zwgk',
                 'ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ 312 ᠵᠦᠢᠯ\u202fᠦᠨ ᠵᠥᠪᠯᠡᠯ\u202fᠦᠨ ᠬᠡᠷᠡᠭ\u202fᠢ ᠨᠡᠶᠢᠲᠡᠯᠡᠪᠡ᠃',
                 ['ᠬᠡᠷᠡᠭ ᠪᠦᠷᠢ\u202fᠶᠢᠨ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ\u180eᠠ᠂ ᠬᠠᠤᠯᠢ\u202fᠶᠢᠨ ᠦᠨᠳᠤᠰᠤᠯᠡᠯ ᠪᠠ ᠪᠣᠯᠵᠠ\u202f'
                  'ᠶᠢ ᠲᠣᠳᠣᠷᠬᠠᠢᠯᠠᠪᠠ᠃']),
                ('ᠪᠠᠶᠠᠨᠬᠤ\u202fᠠ ᠬᠣᠰᠢᠭᠤᠨ\u202fᠤ ᠬᠠᠪᠤᠷ\u202fᠤᠨ ᠮᠠᠯ ᠪᠢᠯᠴᠡᠭᠡᠷᠯᠡᠬᠦ\u202fᠶᠢ ᠲᠦᠷ ᠵᠣᠭᠰᠣᠭᠠᠬᠤ ᠲᠤᠬᠠᠢ '
                 'ᠢᠯᠡ ᠵᠠᠷᠯᠠᠯ',
                 'circular',
                 'mm',
                 'ᠵᠢᠯ ᠪᠦᠷᠢ 4 ᠳ᠋ᠦᠭᠡᠷ ᠰᠠᠷ\u180eᠠ\u202fᠶᠢᠨ 1 ᠡᠳᠦᠷ ᠡᠴᠡ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ\u180eᠠ\u202fᠶᠢᠨ 31 ᠡᠳᠦᠷ '
                 'ᠬᠦᠷᠲᠡᠯ\u180eᠡ ᠬᠠᠪᠤᠷ\u202fᠤᠨ ᠠᠮᠤᠷᠠᠯᠲᠠ ᠬᠢᠬᠦ᠃',
                 ['ᠬᠠᠪᠤᠷ\u202fᠤᠨ ᠠᠮᠤᠷᠠᠯᠲᠠ\u202fᠶᠢᠨ ᠦᠡ ᠳᠦ ᠪᠢᠯᠴᠡᠭᠡᠷ\u202fᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠨ\u180eᠠ᠃'])]

# the title and introduction of each language site's catalogue
CATALOGUES = {
    "en": ("Government Information Disclosure", "Information the municipal government discloses proactively."),
    "mn-mong": ("ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠮᠡᠳᠡᠭᠡᠯ\u202fᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ",
                "ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠣᠷᠳᠣᠨ\u202fᠤ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠭᠰᠠᠨ ᠮᠡᠳᠡᠭᠡᠯ᠃"),
}
