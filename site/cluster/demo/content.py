"""The demo cluster's content, written for the project.

The city (敕勒川市), its banner (白音花旗) and their bodies are fictional; the
texts follow the form of real notices so that editors and testers see what the
product will carry. Dates are counted back from the day the demo is loaded.
"""

CITY = "敕勒川市"

ORGANISATIONS = [
    # code, name, short name, kind, parent code, English name, Mongolian name
    # (the Mongolian names, like all the project's Mongolian text, await a native review)
    ("11150100MB0000001A", "敕勒川市人民政府", "市政府", "government", None, "Chilechuan Municipal People's Government",
     "ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠭᠠᠵᠠᠷ"),
    ("11150100MB0000102B", "敕勒川市发展和改革委员会", "市发展改革委", "department", "11150100MB0000001A",
     "Chilechuan Development and Reform Commission", "ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠬᠥᠭᠵᠢᠯ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠯᠲᠡ\u202fᠶᠢᠨ ᠵᠥᠪᠯᠡᠯ"),
    ("11150100MB0000203C", "敕勒川市教育局", "市教育局", "department", "11150100MB0000001A",
     "Chilechuan Education Bureau", "ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠰᠤᠷᠭᠠᠨ ᠬᠦᠮᠦᠵᠢᠯ\u202fᠦᠨ ᠲᠣᠪᠴᠢᠶ᠎ᠠ"),
    ("11150100MB0000304D", "敕勒川市生态环境局", "市生态环境局", "department", "11150100MB0000001A",
     "Chilechuan Ecology and Environment Bureau", "ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠡᠺᠣᠯᠣᠭᠢ ᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠨ\u202fᠤ ᠲᠣᠪᠴᠢᠶ᠎ᠠ"),
    ("11150100MB0000405E", "敕勒川市人力资源和社会保障局", "市人社局", "department", "11150100MB0000001A",
     "Chilechuan Human Resources and Social Security Bureau",
     "ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠬᠦᠮᠦᠨ ᠬᠦᠴᠦᠨ ᠨᠥᠭᠡᠴᠡ ᠪᠠ ᠨᠡᠶᠢᠭᠡᠮ\u202fᠦᠨ ᠪᠠᠲᠤᠯᠠᠭᠠ\u202fᠶᠢᠨ ᠲᠣᠪᠴᠢᠶ᠎ᠠ"),
    ("11150125MB0000506F", "白音花旗人民政府", "白音花旗", "county", "11150100MB0000001A",
     "Bayanhua Banner People's Government", "ᠪᠠᠶᠠᠨᠬᠤᠸᠠ ᠬᠣᠰᠢᠭᠤᠨ\u202fᠤ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠭᠠᠵᠠᠷ"),
]

# hostname, site name, organisation code, theme, site code, ICP, police record, police code, address, phone, email
SITES = [
    ("www.localhost", "敕勒川市人民政府门户网站", "11150100MB0000001A", "portal", "1501000001",
     "蒙ICP备05001234号", "蒙公网安备 15010202000101号", "15010202000101",
     "敕勒川市新华大街1号市政务服务中心", "0471-12345", "zfb@chilechuan.gov.cn", "010010"),
    ("fgw.localhost", "敕勒川市发展和改革委员会", "11150100MB0000102B", "department", "1501000012",
     "蒙ICP备05001234号-2", "蒙公网安备 15010202000102号", "15010202000102",
     "敕勒川市新华大街1号市政府大楼B座", "0471-6601234", "fgw@chilechuan.gov.cn", "010010"),
    ("jyj.localhost", "敕勒川市教育局", "11150100MB0000203C", "department", "1501000013",
     "蒙ICP备05001234号-3", "蒙公网安备 15010202000103号", "15010202000103",
     "敕勒川市昭君路36号", "0471-6605678", "jyj@chilechuan.gov.cn", "010020"),
    ("byhq.localhost", "白音花旗人民政府", "11150125MB0000506F", "department", "1501250001",
     "蒙ICP备05001234号-9", "蒙公网安备 15012502000001号", "15012502000001",
     "白音花旗乌兰大街8号", "0471-8812345", "byhq@chilechuan.gov.cn", "011800"),
]

# Each site's record in the 党政机关网站标识 registry (bszs.conac.cn ...&id=<this>); fictional.
CONAC_IDS = {
    "www.localhost": "8A2F1D6C3B5E4F70E053012819AC1501",
    "fgw.localhost": "8A2F1D6C3B5F4F70E053012819AC1512",
    "jyj.localhost": "8A2F1D6C3B604F70E053012819AC1513",
    "byhq.localhost": "8A2F1D6C3B614F70E053012819AC1525",
    "en.localhost": "8A2F1D6C3B624F70E053012819AC1E01",
    "mgl.localhost": "8A2F1D6C3B634F70E053012819AC1D01",
}

COLUMNS = {
    # slug: (title, kind, intro)
    "tzgg": ("通知公告", "notice", "本网站发布的通知、公告、公示。"),
    "zwdt": ("政务动态", "news", "工作动态与政务要闻。"),
    "tpxw": ("图片新闻", "photo", "以图片形式报道的政务活动。"),
}

TITLES = {
    "www.localhost": {
        "notice": [
            "关于做好2027年元旦春节期间有关工作的通知",
            "敕勒川市人民政府关于公布市级行政许可事项清单（2026年版）的通知",
            "关于开展2026年度政府信息公开工作考核的通知",
            "敕勒川市人民政府办公室关于进一步优化营商环境若干措施的通知",
            "关于征集2027年市政府民生实事项目建议的公告",
            "敕勒川市人民政府关于调整最低工资标准的通知",
            "关于冬季供暖期间保障群众温暖过冬的通告",
            "敕勒川市2026年第四季度重大行政决策事项目录公示",
            "关于做好全市冬春季森林草原防灭火工作的通知",
            "敕勒川市人民政府关于印发《敕勒川市政务服务“一网通办”实施方案》的通知",
            "关于公布敕勒川市第一批“高效办成一件事”事项的公告",
            "敕勒川市人民政府关于表彰2026年度全市安全生产先进集体的决定",
        ],
        "news": [
            "市政府召开第二十六次常务会议",
            "我市“一网通办”平台上线运行 办事材料平均精简四成",
            "市领导调研冬季供暖保障工作",
            "敕勒川市召开优化营商环境推进大会",
            "全市政务公开工作推进会召开",
            "我市入选国家级数字政府建设试点城市",
            "市政府与自治区电力公司签署战略合作协议",
            "敕勒川市举行2026年度重点项目集中开工仪式",
            "全市冬季安全生产暨消防工作会议召开",
            "市政务服务中心推出延时错时预约服务",
            "我市草原生态保护修复工作取得新成效",
            "敕勒川市召开民族团结进步示范市创建工作推进会",
        ],
        "photo": [
            "敕勒川草原迎来今冬第一场雪",
            "市政务服务中心“蒙汉双语”窗口正式启用",
            "黄河湿地公园生态修复工程完工",
            "市民在新建城市书房阅读",
            "那达慕大会开幕式现场",
            "中欧班列敕勒川站首发",
        ],
    },
    "fgw.localhost": {
        "notice": [
            "关于开展2027年市级重点项目申报工作的通知",
            "关于公布2026年第三批企业投资项目备案情况的公告",
            "关于做好2026年冬季能源保供工作的通知",
            "关于征求《敕勒川市国民经济和社会发展第十五个五年规划纲要（征求意见稿）》意见的公告",
            "关于组织申报2027年中央预算内投资项目的通知",
            "关于公布2026年度市级服务业集聚区认定名单的公示",
            "关于调整居民用管道天然气销售价格的通知",
            "关于开展粮食收购市场专项检查的通知",
            "关于公布政府定价目录（2026年版）的通知",
            "关于做好社会信用体系建设重点工作的通知",
        ],
        "news": [
            "市发展改革委召开全市重点项目推进调度会",
            "我市前三季度经济运行总体平稳、稳中有进",
            "市发展改革委开展价格监测调研",
            "全市社会信用体系建设工作会议召开",
            "市发展改革委赴白音花旗调研新能源项目建设",
            "我市新能源装机容量突破千万千瓦",
            "市发展改革委举办项目谋划能力提升培训班",
            "冬季能源保供座谈会召开",
            "我市两个项目入选自治区重大项目清单",
            "市发展改革委开展“营商环境体验官”活动",
        ],
        "photo": [
            "风光储一体化项目建设现场",
            "重点项目集中开工现场",
            "价格监测人员在农贸市场采价",
            "新能源装备制造产业园一角",
        ],
    },
    "jyj.localhost": {
        "notice": [
            "关于做好2027年普通高中学业水平考试报名工作的通知",
            "关于公布2026年秋季学期中小学校校历的通知",
            "关于开展中小学校冬季安全专项检查的通知",
            "关于2026年义务教育阶段招生入学政策的解读",
            "关于公布市级优秀教学成果奖评选结果的公示",
            "关于做好家庭经济困难学生资助工作的通知",
            "关于举办全市中小学生冰雪运动会的通知",
            "关于开展校外培训机构年度检查的公告",
            "关于做好寒假期间学生安全教育工作的通知",
            "关于公布2026年度蒙古语授课教师培训名单的公示",
        ],
        "news": [
            "全市教育工作会议召开",
            "市教育局召开校园安全工作推进会",
            "我市新建改扩建中小学校12所",
            "全市中小学“双减”工作督导检查启动",
            "市教育局开展送教下乡活动",
            "民族学校双语教学成果展示活动举行",
            "全市学前教育普及普惠督导评估工作启动",
            "市教育局部署冬季校园疫病防控工作",
            "我市学生在自治区科技创新大赛中获佳绩",
            "市教育局召开教育信息化应用推进会",
        ],
        "photo": [
            "学生在新落成的图书馆阅读",
            "冰雪运动进校园",
            "民族学校书法课堂",
            "乡村学校的科学实验课",
        ],
    },
    "byhq.localhost": {
        "notice": [
            "白音花旗关于2026年草原生态保护补助奖励资金发放情况的公示",
            "白音花旗人民政府关于做好冬春季防灾减灾工作的通知",
            "关于公布白音花旗2026年度耕地地力保护补贴发放情况的公告",
            "白音花旗关于开展农村牧区人居环境整治的通知",
            "关于白音花旗2026年事业单位公开招聘人员拟聘用人员的公示",
            "白音花旗人民政府关于禁牧休牧的通告",
            "关于公布白音花旗嘎查村“两委”换届工作安排的通知",
            "白音花旗2026年城乡居民医疗保险缴费工作的通知",
            "关于公布白音花旗政务服务事项清单的公告",
            "白音花旗人民政府关于调整部分旗级议事协调机构的通知",
        ],
        "news": [
            "旗委旗政府召开全旗经济工作会议",
            "白音花旗举办首届冬季那达慕",
            "我旗肉羊产业全产业链产值突破二十亿元",
            "白音花旗推进“苏木嘎查便民服务”全覆盖",
            "旗领导深入牧区走访慰问困难群众",
            "白音花旗召开冬季草原防火工作部署会",
            "我旗新建牧区饮水安全工程全部完工",
            "白音花旗开展民族团结进步宣传月活动",
            "旗政务服务中心实现“蒙汉双语”办理",
            "白音花旗电商直播助力牛羊肉销售",
        ],
        "photo": [
            "冬季那达慕上的搏克比赛",
            "牧民在新建棚圈中喂养牲畜",
            "苏木便民服务站",
            "雪后的白音花草原",
        ],
    },
}

PARAGRAPHS = {
    "notice": [
        "各{units}：",
        "为深入贯彻落实党中央、国务院和自治区党委、政府决策部署，进一步做好{topic}工作，切实保障人民群众合法权益，经{org}研究同意，现就有关事项通知如下。",
        "一、提高思想认识。各地各部门要充分认识做好{topic}工作的重要意义，把思想和行动统一到上级部署要求上来，切实加强组织领导，明确责任分工，确保各项工作落到实处。",
        "二、明确工作任务。要对照年度目标任务，逐项梳理工作进展，建立工作台账，实行清单化管理、项目化推进。对工作中发现的问题，要及时研究解决；对需要上级协调的事项，要及时书面报告。",
        "三、强化服务保障。要坚持以人民为中心的发展思想，畅通群众咨询和投诉渠道，依法依规公开办事流程、办理时限和监督电话，主动接受社会监督，不断提升群众满意度。",
        "四、加强督促检查。{org}将适时组织开展专项督查，督查结果纳入年度绩效考核。对工作推进不力、造成不良影响的，将依规依纪严肃问责。",
        "请各{units}于{deadline}前将工作落实情况书面报送{org}办公室。",
        "联系人：办公室 {contact}，联系电话：{phone}。",
    ],
    "news": [
        "{date_text}，{org}召开专题会议，研究部署{topic}工作。会议传达学习了上级有关会议和文件精神，听取了各有关单位工作情况汇报。",
        "会议指出，今年以来，全市上下认真贯彻落实各项决策部署，{topic}工作取得了积极进展，为推动经济社会高质量发展提供了有力支撑。同时也要清醒看到，工作中还存在一些短板和不足，必须采取有力措施加以解决。",
        "会议强调，要坚持问题导向和目标导向，进一步细化工作措施，压实工作责任，确保各项任务按时保质完成。要加强部门协同，形成工作合力；要注重宣传引导，营造良好氛围。",
        "会议要求，各有关单位要以更加务实的作风、更加有力的举措，扎实做好{topic}各项工作，以实实在在的成效取信于民。",
        "{org}有关负责同志，各有关单位主要负责同志参加会议。",
    ],
    "photo": [
        "{date_text}，记者在现场看到，{topic}的场景吸引了不少市民驻足观看。",
        "近年来，我市持续推进{topic}相关工作，取得了良好的社会效益，群众获得感、幸福感不断增强。",
    ],
}

TOPICS = [
    "政务服务", "营商环境", "安全生产", "生态环境保护", "民生保障", "重点项目建设",
    "冬季供暖", "草原保护", "教育发展", "乡村振兴", "政务公开", "防灾减灾",
]

UNITS = {
    "www.localhost": "旗县区人民政府，市各委、办、局，各有关单位",
    "fgw.localhost": "旗县区发展改革部门，各有关企业",
    "jyj.localhost": "旗县区教育局，市直各学校",
    "byhq.localhost": "苏木乡镇人民政府，旗直各部门",
}

HOME = {
    "www.localhost": ("敕勒川市人民政府门户网站", "建设人民满意的服务型政府", "政务公开、政务服务、政民互动一站通达。"),
    "fgw.localhost": ("市发展和改革委员会", "服务高质量发展", "规划、项目、价格、信用信息统一发布。"),
    "jyj.localhost": ("市教育局", "办好人民满意的教育", "招生考试、学校管理与教育资讯。"),
    "byhq.localhost": ("白音花旗人民政府", "建设美丽富饶的白音花草原", "旗政务信息、惠牧政策与便民服务。"),
}

ENGLISH = {
    "home": ("Chilechuan Municipal People's Government", "A service-oriented government the people are satisfied with",
             "Government information, online services and citizen interaction in one place."),
    "tzgg": ("Notices", "Notices and announcements of the municipal government."),
    "zwdt": ("Government News", "News of the municipal government's work."),
    "tpxw": ("Photo News", "Government activities in pictures."),
    "articles": [
        ("The municipal government holds its 26th executive meeting",
         "The executive meeting of the Chilechuan Municipal People's Government discussed winter heating, "
         "the one-stop online service platform and the list of administrative licensing items for 2026."),
        ("Chilechuan launches its one-stop online government service platform",
         "Residents and enterprises can now apply online for more than 1,200 services. The number of documents "
         "applicants have to submit has been cut by about forty per cent on average."),
        ("Notice on keeping residents warm during the heating season",
         "Heating companies must keep indoor temperatures at or above 18 degrees Celsius. Residents can report "
         "problems through the 12345 hotline or the citizen mailbox on this website."),
    ],
}

# The Mongolian site, written for the project in traditional script (spellings
# checked against the ../shared/mongolian samples). Suffixes are joined with U+202F
# and final a/e separated with U+180E as in print; the word ᠨᠠᠢ᠍ᠮᠠᠨ ("eight") in one
# disclosure document is stored with FVS3 (U+180D) as editors type it, so search
# has to normalise to find it typed either way.
MONGOLIAN = {'home': ('ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠭᠠᠵᠠᠷ',
          'ᠠᠷᠠᠳ\u202fᠤᠨ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠤᠭᠰᠠᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠶᠢᠨ ᠵᠠᠰᠠᠭ ᠪᠠᠶᠢᠭᠤᠯᠬᠤ',
          'ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠮᠡᠳᠡᠭᠡᠯ\u202fᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ᠂ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ᠂ ᠵᠠᠰᠠᠭ ᠪᠠ ᠠᠷᠠᠳ\u202fᠤᠨ '
          'ᠬᠠᠷᠢᠯᠴᠠᠭ\u202fᠠ\u202fᠶᠢ ᠨᠢᠭᠡ ᠭᠠᠵᠠᠷ\u202fᠠᠴᠠ᠃'),
 'tzgg': ('ᠮᠡᠳᠡᠭᠳᠡᠯ ᠵᠠᠷᠯᠠᠯ', 'ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠣᠷᠳᠣᠨ\u202fᠤ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠪᠠ ᠵᠠᠷᠯᠠᠯ᠃'),
 'zwdt': ('ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠬᠡᠷᠡᠭ\u202fᠦᠨ ᠮᠡᠳᠡᠭᠡ', 'ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠠᠵᠢᠯ\u202fᠤᠨ ᠰᠣᠨᠢᠨ ᠮᠡᠳᠡᠭᠡ᠃'),
 'tpxw': ('ᠵᠢᠷᠤᠭ\u202fᠲᠤ ᠮᠡᠳᠡᠭᠡ', 'ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭᠠᠨ\u202fᠤ ᠵᠢᠷᠤᠭ᠃'),
 'notices': [('2027 ᠣᠨ\u202fᠤ ᠰᠢᠨ\u180eᠡ ᠣᠨ ᠪᠠ ᠴᠠᠭᠠᠨ ᠰᠠᠷ\u180eᠠ\u202fᠶᠢᠨ ᠪᠠᠶᠢᠷ\u202fᠤᠨ ᠦᠡ\u202fᠶᠢᠨ ᠠᠵᠢᠯ\u202f'
              'ᠢ ᠰᠠᠶᠢᠨ ᠬᠢᠬᠦ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ',
              ['ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ᠲᠣᠢᠷᠢᠭ\u202fᠤᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠣᠷᠳᠣᠨ᠂ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ '
               'ᠲᠠᠰᠤᠭ ᠪᠦᠷᠢ᠄',
               '2027 ᠣᠨ\u202fᠤ ᠰᠢᠨ\u180eᠡ ᠣᠨ ᠪᠠ ᠴᠠᠭᠠᠨ ᠰᠠᠷ\u180eᠠ\u202fᠶᠢᠨ ᠪᠠᠶᠢᠷ\u202fᠤᠨ ᠦᠡ ᠳᠦ ᠠᠶᠤᠯᠭᠤᠢ\u202f'
               'ᠶᠢᠨ ᠠᠵᠢᠯ᠂ ᠬᠠᠩᠭᠠᠮᠵ\u202fᠶᠢᠨ ᠠᠵᠢᠯ ᠪᠠ ᠠᠷᠠᠳ\u202fᠤᠨ ᠠᠮᠢᠳᠤᠷᠠᠯ\u202fᠤᠨ ᠪᠠᠭᠠᠵᠢ\u202fᠶᠢ ᠰᠠᠶᠢᠲᠤᠷ '
               'ᠪᠠᠶᠢᠭᠤᠯᠤᠨ\u180eᠠ ᠤᠤ᠃',
               'ᠪᠠᠶᠢᠷ\u202fᠤᠨ ᠦᠡ ᠳᠦ 12345 ᠤᠲᠠᠰᠤ 24 ᠴᠠᠭ ᠠᠵᠢᠯᠯᠠᠨ\u180eᠠ᠃']),
             ('ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠮᠡᠳᠡᠭᠡᠯ\u202fᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠠᠵᠢᠯ\u202fᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ',
              ['2026 ᠣᠨ\u202fᠤ 12 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ\u180eᠠ\u202fᠶᠢᠨ 15 ᠡᠳᠦᠷ\u202fᠦᠨ ᠡᠮᠦᠨᠡ ᠥᠪᠡᠷᠢᠶᠡᠨ ᠰᠢᠨᠵᠢᠯᠡᠯ\u202fᠦᠨ '
               'ᠢᠯᠡᠳᠬᠡᠯ\u202fᠢ ᠢᠯᠡᠭᠡᠨ\u180eᠡ ᠤᠤ᠃',
               'ᠰᠢᠨᠵᠢᠯᠡᠯ\u202fᠦᠨ ᠳᠦᠩ\u202fᠢ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ ᠳᠦ ᠨᠡᠶᠢᠲᠡᠯᠡᠨ\u180eᠡ᠃']),
             ('ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠣᠷᠳᠣᠨ\u202fᠤ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠶᠢᠨ ᠨᠢᠭᠡ '
              'ᠲᠣᠷ\u202fᠤᠨ ᠵᠣᠬᠢᠶᠠᠯ\u202fᠤᠨ ᠠᠷᠭ\u180eᠠ\u202fᠶᠢ ᠬᠡᠪᠯᠡᠨ ᠲᠠᠷᠬᠠᠭᠠᠬᠤ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ',
              ['2027 ᠣᠨ\u202fᠤ ᠡᠭᠦᠷᠯᠡᠭᠡᠨ ᠳᠦ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠶᠢᠨ ᠪᠦᠬᠦ ᠬᠡᠷᠡᠭ\u202fᠢ ᠰᠦᠯᠵᠢᠶᠡ '
               'ᠳᠡᠭᠡᠷᠡ ᠬᠢᠬᠦ ᠪᠣᠯᠣᠮᠵᠢ\u202fᠲᠠᠢ ᠪᠣᠯᠭᠠᠨ\u180eᠠ᠃',
               '（敕政发〔2026〕7号）']),
             ('ᠡᠪᠦᠯ\u202fᠦᠨ ᠳᠤᠯᠠᠭᠠᠨ ᠬᠠᠩᠭᠠᠬᠤ ᠦᠡ\u202fᠶᠢᠨ ᠠᠵᠢᠯ\u202fᠢ ᠰᠠᠶᠢᠵᠢᠷᠠᠭᠤᠯᠬᠤ ᠲᠤᠬᠠᠢ ᠢᠯᠡ ᠵᠠᠷᠯᠠᠯ',
              ['ᠳᠤᠯᠠᠭᠠᠨ ᠬᠠᠩᠭᠠᠬᠤ ᠬᠣᠮᠫᠠᠨᠢ ᠭᠡᠷ\u202fᠦᠨ ᠳᠣᠲᠣᠷ\u202fᠠ\u202fᠬᠢ ᠳᠤᠯᠠᠭᠠᠨ\u202fᠢ 18 ᠬᠡᠮᠡ ᠡᠴᠡ ᠳᠣᠭᠣᠷᠠ '
               'ᠪᠣᠯᠭᠠᠬᠤ ᠦᠭᠡᠢ᠃',
               'ᠠᠰᠠᠭᠤᠳᠠᠯ ᠪᠠᠶᠢᠪᠠᠯ 12345 ᠤᠲᠠᠰᠤ ᠪᠣᠯᠣᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ\u202fᠶᠢᠨ ᠰᠡᠳᠬᠢᠯ\u202fᠦᠨ ᠬᠠᠶᠢᠷᠴᠴᠠᠭ ᠢᠶᠠᠷ '
               'ᠮᠡᠳᠡᠭᠦᠯᠦᠨ\u180eᠡ ᠤᠤ᠃']),
             ('ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠲᠠᠪᠤᠨ ᠵᠢᠯ\u202fᠦᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡᠨ\u202fᠳᠦ ᠠᠷᠠᠳ\u202fᠤᠨ ᠰᠠᠨᠠᠯ ᠠᠪᠬᠤ ᠲᠤᠬᠠᠢ ᠵᠠᠷᠯᠠᠯ',
              ['2026 ᠣᠨ\u202fᠤ 11 ᠳ᠋ᠦᠭᠡᠷ ᠰᠠᠷ\u180eᠠ\u202fᠶᠢᠨ 1 ᠡᠳᠦᠷ ᠡᠴᠡ 12 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ\u180eᠠ\u202fᠶᠢᠨ 31 '
               'ᠡᠳᠦᠷ ᠬᠦᠷᠲᠡᠯ\u180eᠡ ᠰᠠᠨᠠᠯ ᠠᠪᠤᠨ\u180eᠠ᠃',
               'ᠰᠠᠨᠠᠯ\u202fᠢ ᠴᠠᠬᠢᠮ ᠱᠤᠤᠳᠠᠩ zfb@chilechuan.gov.cn ᠬᠠᠶᠠᠭ ᠲᠤ ᠢᠯᠡᠭᠡᠨ\u180eᠡ ᠤᠤ᠃'])],
 'news': [('ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠣᠷᠳᠣᠨ 26 ᠳ᠋ᠤᠭᠠᠷ ᠤᠳᠠᠭ\u180eᠠ\u202fᠶᠢᠨ ᠪᠠᠶᠢᠩᠭ\u180eᠠ\u202f'
           'ᠶᠢᠨ ᠬᠤᠷᠠᠯᠳᠠᠭᠠᠨ\u202fᠢ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠪᠠ',
           ['ᠬᠤᠷᠠᠯ ᠳᠦ ᠡᠪᠦᠯ\u202fᠦᠨ ᠳᠤᠯᠠᠭᠠᠨ ᠬᠠᠩᠭᠠᠬᠤ ᠠᠵᠢᠯ᠂ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠶᠢᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠲᠠᠪᠴᠠᠩ '
            'ᠪᠠ 2026 ᠣᠨ\u202fᠤ ᠵᠥᠪᠯᠡᠯ\u202fᠦᠨ ᠬᠡᠷᠡᠭ\u202fᠦᠨ ᠵᠠᠭᠰᠠᠭᠠᠯ\u202fᠢ ᠬᠡᠯᠡᠯᠴᠡᠪᠡ᠃']),
          ('ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ\u202fᠦᠨ ᠠᠵᠢᠯ\u202fᠦᠨ ᠬᠤᠷᠠᠯ ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ ᠳᠦ ᠪᠣᠯᠪᠠ',
           ['ᠬᠤᠷᠠᠯ ᠳᠦ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ\u202fᠢ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ ᠳᠦ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠠᠵᠢᠯ\u202fᠢ '
            'ᠳᠦᠭᠨᠡᠵᠦ᠂ ᠳᠠᠷᠠᠭᠠ ᠣᠨ\u202fᠤ ᠲᠥᠯᠥᠪᠯᠡᠭᠡᠨ\u202fᠢ ᠲᠣᠳᠣᠷᠬᠠᠢᠯᠠᠪᠠ᠃',
            'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ\u202fᠦᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ ᠨᠢ ᠪᠦᠬᠦ ᠤᠯᠤᠰ\u202fᠤᠨ ᠵᠢᠷᠤᠮ\u202fᠤᠨ ᠬᠣᠳ ᠢᠶᠠᠷ ᠪᠢᠴᠢᠭᠳᠡᠵᠦ '
            'ᠪᠠᠶᠢᠨ\u180eᠠ᠃']),
          ('ᠪᠠᠶᠠᠨᠬᠤ\u202fᠠ ᠬᠣᠰᠢᠭᠤᠨ\u202fᠤ ᠮᠠᠯ ᠠᠵᠤ ᠠᠬᠤᠢ\u202fᠶᠢᠨ ᠳᠠᠬᠠᠲᠬᠠᠯ\u202fᠤᠨ ᠮᠥᠩᠭᠡ\u202fᠶᠢ ᠲᠠᠷᠬᠠᠭᠠᠪᠠ',
           ['2026 ᠣᠨ\u202fᠤ ᠪᠢᠯᠴᠡᠭᠡᠷ\u202fᠦᠨ ᠡᠬᠣᠯᠣᠭ\u202fᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ ᠳᠠᠬᠠᠲᠬᠠᠯ\u202fᠤᠨ ᠮᠥᠩᠭᠡ\u202fᠶᠢ '
            'ᠮᠠᠯᠴᠢᠳ\u202fᠲᠤ ᠪᠦᠷᠢᠨ ᠲᠠᠷᠬᠠᠭᠠᠪᠠ᠃']),
          ('ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠰᠤᠷᠭᠠᠭᠤᠯ\u202fᠢ ᠡᠪᠦᠯ\u202fᠦᠨ ᠠᠮᠤᠷᠠᠯᠲᠠ\u202fᠶᠢᠨ ᠦᠡ\u202fᠶᠢᠨ ᠠᠶᠤᠯᠭᠤᠢ\u202fᠶᠢᠨ ᠰᠤᠷᠭᠠᠯ',
           ['ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠪᠣᠯᠪᠠᠰᠤᠷᠠᠯ\u202fᠤᠨ ᠲᠣᠪᠴᠣᠣ ᠰᠤᠷᠭᠠᠭᠤᠯ\u202fᠤᠨ ᠰᠦᠷᠦᠭᠴᠢᠳ ᠳᠦ ᠡᠪᠦᠯ\u202fᠦᠨ ᠠᠶᠤᠯᠭᠤᠢ\u202f'
            'ᠶᠢᠨ ᠰᠤᠷᠭᠠᠯ\u202fᠢ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠪᠠ᠃']),
          ('ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠶᠢᠨ ᠲᠥᠪ ᠰᠢᠨ\u180eᠡ ᠪᠠᠶᠢᠰᠢᠨ ᠳᠦ ᠨᠦᠭᠦᠵᠡᠪᠡ',
           ['ᠰᠢᠨ\u180eᠡ ᠪᠠᠶᠢᠰᠢᠨ ᠳᠦ 1200 ᠢᠯᠡᠭᠦ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠶᠢᠨ ᠬᠡᠷᠡᠭ\u202fᠢ ᠨᠢᠭᠡ ᠭᠠᠵᠠᠷ\u202f'
            'ᠠᠴᠠ ᠬᠢᠬᠦ ᠪᠣᠯᠣᠮᠵᠢ\u202fᠲᠠᠢ ᠪᠣᠯᠪᠠ᠃'])]}

# Further Mongolian notices and news, recombining the phrases above with words from
# the shared samples (ᠬᠠᠤᠯᠢ law, ᠵᠠᠷᠯᠢᠭ order, ᠢᠯᠡᠳᠬᠡᠯ report, ᠠᠷᠠᠳ people,
# ᠴᠠᠭᠳᠠᠭ᠎ᠠ police, ᠬᠢᠳᠠᠳ China/Chinese). Appended, so slugs of earlier items stay put.
N, M = "\u202f", "\u180e"
MONGOLIAN["notices"] += [
    (f"ᠬᠠᠤᠯᠢ ᠵᠠᠷᠯᠢᠭ{N}ᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠢᠳᠠᠳ ᠬᠣᠶᠠᠷ ᠬᠡᠯᠡ ᠪᠡᠷ ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ",
     [f"ᠬᠣᠲᠠ{N}ᠶᠢᠨ ᠠᠷᠠᠳ{N}ᠤᠨ ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠣᠷᠳᠣᠨ{N}ᠤ ᠬᠠᠤᠯᠢ ᠵᠠᠷᠯᠢᠭ{N}ᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠠ ᠬᠢᠳᠠᠳ ᠬᠡᠯᠡ ᠪᠡᠷ "
      f"ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ ᠳᠦ ᠨᠡᠶᠢᠲᠡᠯᠡᠨ{M}ᠡ᠃",
      f"ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ{N}ᠦᠨ ᠪᠢᠴᠢᠭ ᠨᠢ ᠪᠦᠬᠦ ᠤᠯᠤᠰ{N}ᠤᠨ ᠵᠢᠷᠤᠮ{N}ᠤᠨ ᠬᠣᠳ ᠢᠶᠠᠷ ᠪᠢᠴᠢᠭᠳᠡᠨ{M}ᠡ᠃"]),
    (f"2026 ᠣᠨ{N}ᠤ ᠴᠠᠭᠳᠠᠭ{M}ᠠ{N}ᠶᠢᠨ ᠠᠵᠢᠯ{N}ᠤᠨ ᠢᠯᠡᠳᠬᠡᠯ{N}ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ",
     [f"ᠴᠠᠭᠳᠠᠭ{M}ᠠ{N}ᠶᠢᠨ ᠠᠵᠢᠯ{N}ᠤᠨ ᠢᠯᠡᠳᠬᠡᠯ{N}ᠢ 2026 ᠣᠨ{N}ᠤ 12 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ{M}ᠠ{N}ᠶᠢᠨ 20 ᠡᠳᠦᠷ "
      f"ᠬᠣᠲᠠ{N}ᠶᠢᠨ ᠰᠦᠯᠵᠢᠶᠡᠨ ᠥᠷᠲᠡᠭᠡ ᠳᠦ ᠨᠡᠶᠢᠲᠡᠯᠡᠨ{M}ᠡ᠃",
      f"ᠠᠷᠠᠳ{N}ᠤᠨ ᠰᠠᠨᠠᠯ{N}ᠢ 12345 ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠠᠪᠤᠨ{M}ᠠ᠃ ᠪᠠᠶᠠᠷᠯᠠᠯᠤᠭ{M}ᠠ᠃"]),
    (f"ᠡᠪᠦᠯ{N}ᠦᠨ ᠪᠠᠶᠢᠷ{N}ᠤᠨ ᠦᠡ ᠳᠦ ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ{N}ᠶᠢᠨ ᠲᠥᠪ{N}ᠦᠨ ᠠᠵᠢᠯᠯᠠᠬᠤ ᠴᠠᠭ{N}ᠤᠨ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ",
     [f"ᠪᠠᠶᠢᠷ{N}ᠤᠨ ᠦᠡ ᠳᠦ ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ{N}ᠶᠢᠨ ᠬᠡᠷᠡᠭ{N}ᠢ ᠰᠦᠯᠵᠢᠶᠡ ᠳᠡᠭᠡᠷᠡ ᠬᠢᠬᠦ ᠪᠣᠯᠣᠮᠵᠢ{N}ᠲᠠᠢ᠃",
      f"ᠪᠠᠶᠢᠷ{N}ᠤᠨ ᠦᠡ ᠳᠦ 12345 ᠤᠲᠠᠰᠤ 24 ᠴᠠᠭ ᠠᠵᠢᠯᠯᠠᠨ{M}ᠠ᠃"]),
    (f"ᠨᠠᠢ\u180dᠮᠠᠨ ᠵᠦᠢᠯ{N}ᠦᠨ ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ{N}ᠶᠢ ᠨᠢᠭᠡ ᠭᠠᠵᠠᠷ{N}ᠠᠴᠠ ᠬᠢᠬᠦ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ",
     [f"2027 ᠣᠨ{N}ᠤ 1 ᠳ᠋ᠦᠭᠡᠷ ᠰᠠᠷ{M}ᠠ{N}ᠶᠢᠨ 1 ᠡᠳᠦᠷ ᠡᠴᠡ ᠨᠠᠢ\u180dᠮᠠᠨ ᠵᠦᠢᠯ{N}ᠦᠨ ᠬᠡᠷᠡᠭ{N}ᠢ ᠨᠢᠭᠡ ᠭᠠᠵᠠᠷ{N}ᠠᠴᠠ "
      f"ᠬᠢᠬᠦ ᠪᠣᠯᠣᠮᠵᠢ{N}ᠲᠠᠢ ᠪᠣᠯᠭᠠᠨ{M}ᠠ᠃"]),
]
MONGOLIAN["news"] += [
    (f"ᠬᠣᠲᠠ{N}ᠶᠢᠨ ᠴᠠᠭᠳᠠᠭ{M}ᠠ ᠡᠪᠦᠯ{N}ᠦᠨ ᠠᠮᠤᠷᠠᠯᠲᠠ{N}ᠶᠢᠨ ᠦᠡ{N}ᠶᠢᠨ ᠠᠶᠤᠯᠭᠤᠢ{N}ᠶᠢᠨ ᠠᠵᠢᠯ{N}ᠢ ᠡᠬᠢᠯᠡᠪᠡ",
     [f"ᠴᠠᠭᠳᠠᠭ{M}ᠠ ᠰᠤᠷᠭᠠᠭᠤᠯ{N}ᠤᠨ ᠰᠦᠷᠦᠭᠴᠢᠳ ᠳᠦ ᠡᠪᠦᠯ{N}ᠦᠨ ᠠᠶᠤᠯᠭᠤᠢ{N}ᠶᠢᠨ ᠰᠤᠷᠭᠠᠯ{N}ᠢ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠪᠠ᠃"]),
    (f"ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠢᠴᠢᠭ{N}ᠦᠨ ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠪᠦᠬᠦ ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ᠲᠣᠢᠷᠢᠭ ᠳᠤ ᠬᠦᠷᠪᠡ",
     [f"ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ{N}ᠶᠢᠨ ᠲᠥᠪ ᠪᠦᠷᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠠ ᠬᠢᠳᠠᠳ ᠬᠡᠯᠡ ᠪᠡᠷ ᠠᠵᠢᠯᠯᠠᠨ{M}ᠠ᠃",
      f"ᠡᠭᠦᠨ{N}ᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠪᠡᠷ ᠪᠢᠴᠢᠪᠡ᠃"]),
    (f"ᠬᠣᠲᠠ{N}ᠶᠢᠨ ᠠᠷᠠᠳ{N}ᠤᠨ ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠣᠷᠳᠣᠨ 2026 ᠣᠨ{N}ᠤ ᠬᠠᠤᠯᠢ{N}ᠶᠢᠨ ᠠᠵᠢᠯ{N}ᠤᠨ ᠢᠯᠡᠳᠬᠡᠯ{N}ᠢ ᠬᠡᠯᠡᠯᠴᠡᠪᠡ",
     [f"ᠬᠤᠷᠠᠯ ᠳᠦ ᠬᠠᠤᠯᠢ ᠵᠠᠷᠯᠢᠭ{N}ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠠᠵᠢᠯ ᠪᠠ ᠵᠠᠰᠠᠭ{N}ᠤᠨ ᠮᠡᠳᠡᠭᠡᠯ{N}ᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠢᠯᠡᠳᠬᠡᠯ{N}ᠢ "
      f"ᠬᠡᠯᠡᠯᠴᠡᠪᠡ᠃"]),
    (f"ᠪᠠᠶᠠᠨᠬᠤ{N}ᠠ ᠬᠣᠰᠢᠭᠤᠨ{N}ᠤ ᠮᠠᠯᠴᠢᠳ ᠡᠪᠦᠯ{N}ᠦᠨ ᠪᠢᠯᠴᠡᠭᠡᠷ{N}ᠦᠨ ᠠᠵᠢᠯ{N}ᠢ ᠰᠠᠶᠢᠲᠤᠷ ᠪᠠᠶᠢᠭᠤᠯᠪᠠ",
     [f"ᠮᠠᠯᠴᠢᠳ ᠪᠢᠯᠴᠡᠭᠡᠷ{N}ᠦᠨ ᠡᠬᠣᠯᠣᠭ{N}ᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ ᠠᠵᠢᠯ{N}ᠢ ᠰᠠᠶᠢᠨ ᠬᠢᠪᠡ᠃"]),
]

# More English pages: articles of their own on the English site (not translations).
ENGLISH_NOTICES = [
    ("Notice on the New Year and Spring Festival holidays 2027",
     "Offices will close for the public holidays announced by the State Council. The 12345 hotline works around the clock."),
    ("Annual review of government information disclosure 2026",
     "Every banner, county and district government and every municipal department reports on its disclosure work by 15 December."),
    ("Public consultation on the city's 15th Five-Year Plan",
     "Residents and enterprises can send their suggestions until 31 December 2026 by e-mail or through the citizen mailbox."),
    ("Winter grassland fire prevention",
     "Open fires are forbidden on grassland from 1 November to 31 May. Report any fire to 12119 immediately."),
    ("List of municipal administrative licensing items (2026 edition)",
     "The list of 312 licensing items states for each item the authority, its legal basis and the time limit."),
    ("Adjustment of the minimum wage",
     "From 1 January 2027 the monthly minimum wage in the city's districts rises to 2,270 yuan."),
]
ENGLISH_NEWS = [
    ("Mongolian-language services expanded at the government service centre",
     "Bilingual staff now serve applicants in Mongolian and Chinese at every window of the municipal government service centre."),
    ("City completes its heating network upgrade",
     "Some 48 kilometres of old heating pipes were replaced before the heating season began on 15 October."),
    ("Grassland subsidies paid to herders in Bayanhua Banner",
     "Grassland ecological protection subsidies for 2026 reached every eligible herder household in full."),
    ("New bus lines connect the railway station and the service centre",
     "Two new bus lines run every ten minutes from 6:30 to 21:30."),
    ("Chilechuan schools run winter safety classes",
     "Primary and secondary schools held safety classes on ice, fire and road safety before the winter holidays."),
    ("One-stop service: 'get one thing done efficiently' extended to 20 matters",
     "Starting a business, registering a birth and applying for a pension can each be handled in a single visit."),
]




# More English articles of the English site's own (appended: earlier slugs stay put).
ENGLISH_NOTICES += [
    ("Bilingual publication of municipal regulations",
     "Municipal regulations and normative documents are published in Chinese and traditional Mongolian on this website."),
    ("Opening hours of the government service centre during winter",
     "From 1 December the centre opens at 9:00 and closes at 17:00; online services remain available at all times."),
    ("Police work report 2026 published",
     "The municipal public security bureau's 2026 work report is available for comment until 20 December."),
    ("Eight matters handled in one visit from January 2027",
     "Eight common matters, from business registration to social security transfers, can be handled at one window."),
    ("How to apply for government information",
     "Applications can be made online, by post or in person; the authority answers within 20 working days."),
]
ENGLISH_NEWS += [
    ("City police start a winter road-safety campaign for schools",
     "Officers visited 86 schools to teach pupils how to walk and cycle safely on icy roads."),
    ("Mongolian-script government websites reach every banner",
     "Each banner and county now publishes its main notices in traditional Mongolian script as well as in Chinese."),
    ("Municipal government discusses its annual rule-of-law report",
     "The executive meeting reviewed progress in publishing laws and orders and in government information disclosure."),
    ("Herders in Bayanhua Banner complete the rotational grazing programme",
     "Rotational grazing now covers 1.2 million mu of grassland, helping pastures recover."),
    ("Citizen mailbox answers 3,400 letters this year",
     "Ninety-six per cent of letters to the citizen mailbox were answered within the promised time."),
]
