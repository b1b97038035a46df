"""The national catalogue's themes for persons and legal persons
(国家政务服务平台 主题分类). The Mongolian names await a native review, like the
project's other Mongolian text."""

from django.db import migrations

THEMES = [
    # slug, audience, name, English, Mongolian
    ("shengyu", "person", "生育收养", "Birth and adoption", "ᠲᠥᠷᠥᠯᠲᠡ ᠪᠠ ᠦᠷᠴᠢᠯᠡᠨ ᠠᠪᠬᠤ"),
    ("huji", "person", "户籍办理", "Household registration", "ᠥᠷᠬᠦ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ"),
    ("jiaoyu", "person", "教育科研", "Education and research", "ᠰᠤᠷᠭᠠᠨ ᠬᠦᠮᠦᠵᠢᠯ ᠪᠠ ᠡᠷᠳᠡᠮ ᠰᠢᠨᠵᠢᠯᠡᠭᠡ"),
    ("jiuye", "person", "就业创业", "Jobs and starting a business", "ᠠᠵᠢᠯ ᠡᠷᠬᠢᠯᠡᠬᠦ ᠪᠠ ᠠᠵᠤ ᠠᠬᠤᠢ ᠡᠬᠢᠯᠡᠬᠦ"),
    ("shebao", "person", "社会保障", "Social security", "ᠨᠡᠶᠢᠭᠡᠮ ᠦᠨ ᠪᠠᠲᠤᠯᠠᠭᠠ"),
    ("yiliao", "person", "医疗卫生", "Health care", "ᠡᠮᠨᠡᠯᠭᠡ ᠡᠷᠡᠭᠦᠯ ᠮᠡᠨᠳᠦ"),
    ("zhufang", "person", "住房保障", "Housing", "ᠣᠷᠣᠨ ᠰᠠᠭᠤᠴᠠ ᠶᠢᠨ ᠪᠠᠲᠤᠯᠠᠭᠠ"),
    ("jiaotong", "person", "交通出行", "Driving and travel", "ᠵᠠᠮ ᠲᠡᠭᠡᠪᠦᠷᠢ ᠪᠠ ᠵᠣᠷᠴᠢᠯᠭ᠎ᠠ"),
    ("hunyin", "person", "婚姻登记", "Marriage registration", "ᠭᠡᠷᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ"),
    ("minzu", "person", "民族宗教", "Ethnic and religious affairs", "ᠦᠨᠳᠦᠰᠦᠲᠡᠨ ᠪᠠ ᠰᠢᠰᠦᠯᠭᠡ"),
    ("zhengjian", "person", "证件办理", "ID and certificates", "ᠦᠨᠡᠮᠯᠡᠯ ᠪᠠᠷᠢᠭᠴᠠᠯᠠᠬᠤ"),
    ("gongyong", "person", "公用事业", "Public utilities", "ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠠᠵᠢᠯ ᠦᠢᠯᠡᠰ"),
    ("sheli", "legal", "设立变更", "Setting up and changes", "ᠪᠠᠶᠢᠭᠤᠯᠬᠤ ᠪᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ"),
    ("zhunying", "legal", "准营准办", "Permits to operate", "ᠠᠵᠢᠯᠯᠠᠭᠤᠯᠬᠤ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ"),
    ("zizhi", "legal", "资质认证", "Qualifications", "ᠴᠢᠳᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡ"),
    ("shuishou", "legal", "税收财务", "Tax and finance", "ᠲᠡᠲᠡᠭᠡᠯ ᠪᠠ ᠰᠠᠩᠬᠦᠦ"),
    ("renli", "legal", "人力资源", "Human resources", "ᠬᠦᠮᠦᠨ ᠬᠦᠴᠦᠨ ᠨᠥᠭᠡᠴᠡ"),
    ("zhishi", "legal", "知识产权", "Intellectual property", "ᠮᠡᠳᠡᠯᠭᠡ ᠶᠢᠨ ᠥᠮᠴᠢ ᠶᠢᠨ ᠡᠷᠬᠡ"),
    ("gongcheng", "legal", "工程建设", "Construction", "ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠲᠠ ᠶᠢᠨ ᠢᠨᠵᠧᠨᠧᠷᠢᠩ"),
    ("huanbao", "legal", "环保绿化", "Environment", "ᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠨ ᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ"),
    ("yunshu", "legal", "交通运输", "Transport", "ᠲᠡᠭᠡᠪᠦᠷᠢ ᠲᠡᠭᠡᠪᠦᠷᠢᠯᠡᠯᠲᠡ"),
    ("yiyao", "legal", "医药卫生", "Medicine and health", "ᠡᠮ ᠪᠠ ᠡᠷᠡᠭᠦᠯ ᠮᠡᠨᠳᠦ"),
    ("anquan", "legal", "安全生产", "Work safety", "ᠠᠮᠤᠷ ᠲᠦᠪᠰᠢᠨ ᠦᠢᠯᠡᠳᠪᠦᠷᠢ"),
    ("nianjian", "legal", "年检年审", "Annual inspections", "ᠵᠢᠯ ᠪᠦᠷᠢ ᠶᠢᠨ ᠪᠠᠶᠢᠴᠠᠭᠠᠯᠲᠠ"),
]


def seed(apps, schema_editor):
    ServiceTheme = apps.get_model("services", "ServiceTheme")
    for order, (slug, audience, name, name_en, name_mn) in enumerate(THEMES):
        ServiceTheme.objects.update_or_create(
            slug=slug,
            defaults={"audience": audience, "name": name, "name_en": name_en, "name_mn": name_mn,
                      "order": (order + 1) * 10},
        )


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
