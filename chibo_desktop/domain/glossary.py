"""English identifiers ↔ the Vietnamese words of the domain (see shared DOMAIN.md).

Read this first when a Vietnamese term in a document or an issue has to be found in the code.

=========================  ===============================================
identifier                 Vietnamese
=========================  ===============================================
branch                     chi bộ
upper level / committee    cấp trên / đảng ủy xã, phường (Đảng bộ xã …)
hamlet, cell               ấp, thôn, khóm, tổ dân phố / tổ đảng
member                     đảng viên
probationary               dự bị
official                   chính thức
admitted (ceremony)        kết nạp (lễ kết nạp, ngày vào Đảng)
recognised official        công nhận đảng viên chính thức
transferred in / out       chuyển sinh hoạt đảng chính thức đến / đi
attached (temporarily)     sinh hoạt tạm thời (tại chi bộ này)
away (temporarily)         sinh hoạt tạm thời nơi khác
exempted                   miễn công tác và sinh hoạt đảng
suspended                  đình chỉ sinh hoạt
deceased                   từ trần
removed / expelled /       xóa tên / khai trừ / xin ra khỏi Đảng
resigned
party age                  tuổi đảng
party badge                huy hiệu Đảng
party card                 thẻ đảng viên
biography number           số lý lịch
personal ID (CCCD)         căn cước công dân
ethnicity / religion       dân tộc / tôn giáo
political theory level     trình độ lý luận chính trị
rule (dated setting)       quy định (có ngày hiệu lực)
meeting / minutes          sinh hoạt chi bộ / biên bản
loan fund                  quỹ hỗ trợ vay vốn
party dues                 đảng phí
=========================  ===============================================
"""
