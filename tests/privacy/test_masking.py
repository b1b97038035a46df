import pytest

from privacy.masking import mask_address, mask_email, mask_id_number, mask_name, mask_phone, mask_plate, mask_text


@pytest.mark.parametrize(
    "raw,masked",
    [("张三", "张**"), ("张三丰", "张**"), ("欧阳修", "欧阳**"), ("司马相如", "司马**"), ("John Smith", "J*** S***"),
     ("", "")],
)
def test_mask_name(raw, masked):
    assert mask_name(raw) == masked


def test_mask_phone_id_email():
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("138 1234 1234") == "138****1234"
    assert mask_phone("+8613812341234") == "138****1234"
    assert mask_id_number("11010119900307123X") == "1101**********123X"
    assert mask_id_number("110101199003071234") == "1101**********1234"
    assert mask_email("zhangsan@example.com") == "z***@example.com"


def test_mask_address_keeps_the_district_only():
    assert mask_address("内蒙古自治区敕勒川市新城区光明路12号3单元502") == "内蒙古自治区敕勒川市新城区****"
    assert mask_address("敕勒川市白音花旗巴彦路8号") == "敕勒川市白音花旗****"
    assert "12号" not in mask_address("北京市朝阳区建国路12号")


def test_mask_plate():
    assert mask_plate("蒙A12345") == "蒙A·1****"
    assert mask_plate("蒙A·12345") == "蒙A·1****"
    assert mask_plate("蒙AD12345") == "蒙A·D*****"


def test_mask_text_finds_personal_data_in_free_text():
    text = (
        "本人王建国，电话13947100001（或0471-6661234），身份证号150102198807150012，"
        "邮箱wangjg@example.com，车牌蒙A·12345，申请2026年第3号文件。"
    )
    masked = mask_text(text)
    for secret in ("13947100001", "6661234", "150102198807150012", "wangjg@", "蒙A·12345"):
        assert secret not in masked
    assert "139****0001" in masked and "1501**********0012" in masked and "w***@example.com" in masked
    assert "蒙A·1****" in masked
    assert "2026年第3号文件" in masked  # ordinary numbers are left alone
