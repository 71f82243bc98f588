"""The "Nội dung" of the article the AWGIPC deck reviews, word for word: its title, its two parts
and their items. Tests of the pasted-outline reader and of the AWGIPC decks judge against it."""

TITLE = "Nhìn lại nhiệm kỳ đảm nhận vai trò Chủ tịch Nhóm AWGIPC 2019-2021 của Việt Nam"
PARTS = ["Hợp tác ASEAN về SIPTT", "Việt Nam đảm nhận vai trò Chủ tịch AWGIPC nhiệm kỳ 2019-2021"]
ITEMS = [
    ["Cơ chế hợp tác", "Nhóm AWGIPC", "Chủ tịch Nhóm AWGIPC", "Sự tham gia của Việt Nam trong Nhóm AWGIPC"],
    ["Công tác chuẩn bị", "Nhiệm vụ của Nhóm Trợ lý Chủ tịch",
     "Việt Nam chính thức đảm nhận vai trò Chủ tịch Nhóm AWGIPC",
     "Các Cuộc họp/sự kiện do Chủ tịch chủ trì, đồng chủ trì trong nhiệm kỳ", "Các kết quả đạt được",
     "Các yếu tố đóng góp cho sự thành công", "Việt Nam chuyển giao vai trò Chủ tịch", "Một số hình ảnh"],
]
