<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Access</name>
    <message>
        <source>The current password is not right.</source>
        <translation>Mật khẩu hiện tại không đúng.</translation>
    </message>
    <message>
        <source>The password was not changed; see the messages.</source>
        <translation>Mật khẩu chưa được đổi; xem các thông báo.</translation>
    </message>
    <message>
        <source>The password was not removed.</source>
        <translation>Mật khẩu chưa được bỏ.</translation>
    </message>
    <message>
        <source>That recovery code is not right. It is the code of 16 letters and digits given when the password was set.</source>
        <translation>Mã khôi phục không đúng. Đó là mã gồm 16 chữ và số được cấp khi đặt mật khẩu.</translation>
    </message>
    <message>
        <source>Not the right code.</source>
        <translation>Mã không đúng.</translation>
    </message>
    <message>
        <source>The branch&apos;s keys were sealed with a password that is no longer set (it was removed by hand), so they cannot be used. Remove them as the README says under “If the password is lost”: new ones are made, and the upper level confirms the new key&apos;s fingerprint.</source>
        <translation>Khóa của chi bộ đã được khóa bằng một mật khẩu nay không còn (đã bị xóa thủ công), nên không dùng được. Hãy xóa các khóa đó theo hướng dẫn trong README, mục “Nếu mất mật khẩu”: chương trình sẽ tạo khóa mới, và cấp trên xác nhận lại dấu vân tay của khóa mới.</translation>
    </message>
    <message>
        <source>The app&apos;s password must be typed before the branch&apos;s keys can be used. Nothing was done.</source>
        <translation>Cần nhập mật khẩu mở chương trình trước khi dùng khóa của chi bộ. Chưa làm gì.</translation>
    </message>
    <message>
        <source>A password needs at least {count} characters.</source>
        <translation>Mật khẩu cần ít nhất {count} ký tự.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <source>Write between 0 (never) and 240 minutes.</source>
        <translation>Hãy ghi từ 0 (không bao giờ) đến 240 phút.</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Đang kiểm tra mật khẩu…</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>Write this recovery code on paper and keep it in the branch&apos;s safe:

{code}

If the password is forgotten, the code lets you set a new one without losing any data. It works once; a new code is given each time.</source>
        <translation>Hãy chép mã khôi phục này ra giấy và cất vào tủ hồ sơ của chi bộ:

{code}

Nếu quên mật khẩu, mã này cho phép đặt mật khẩu mới mà không mất dữ liệu. Mã chỉ dùng được một lần; mỗi lần sẽ được cấp mã mới.</translation>
    </message>
</context>
<context>
    <name>Admissions</name>
    <message>
        <source>Introduced by the mass organisation</source>
        <translation>Đoàn thể giới thiệu</translation>
    </message>
    <message>
        <source>Class on the Party (certificate)</source>
        <translation>Học lớp bồi dưỡng nhận thức về Đảng (giấy chứng nhận)</translation>
    </message>
    <message>
        <source>Two members vouch</source>
        <translation>Hai đảng viên chính thức giới thiệu</translation>
    </message>
    <message>
        <source>Background verified</source>
        <translation>Thẩm tra lý lịch</translation>
    </message>
    <message>
        <source>Branch vote</source>
        <translation>Chi bộ xét, biểu quyết</translation>
    </message>
    <message>
        <source>Admission decision</source>
        <translation>Quyết định kết nạp</translation>
    </message>
    <message>
        <source>Admission ceremony</source>
        <translation>Lễ kết nạp</translation>
    </message>
    <message>
        <source>Which organisation (Đoàn Thanh niên, Hội Phụ nữ …)</source>
        <translation>Đoàn thể nào (Đoàn Thanh niên, Hội Phụ nữ …)</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Số giấy chứng nhận</translation>
    </message>
    <message>
        <source>The two members, separated by a comma</source>
        <translation>Hai đảng viên giới thiệu, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Who verified, the result</source>
        <translation>Nơi thẩm tra, kết quả</translation>
    </message>
    <message>
        <source>Votes for / members voting, e.g. 18/20</source>
        <translation>Số tán thành / số biểu quyết, ví dụ 18/20</translation>
    </message>
    <message>
        <source>Decision number, e.g. 125-QĐ/ĐU</source>
        <translation>Số quyết định, ví dụ 125-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Place of the ceremony</source>
        <translation>Nơi tổ chức lễ kết nạp</translation>
    </message>
    <message>
        <source>This candidate has already been admitted.</source>
        <translation>Quần chúng này đã được kết nạp.</translation>
    </message>
    <message>
        <source>Record the steps in order: the next step is “{step}”.</source>
        <translation>Ghi các bước theo thứ tự: bước tiếp theo là “{step}”.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Ngày này chưa đến.</translation>
    </message>
    <message>
        <source>The date is before the previous step ({date}).</source>
        <translation>Ngày này trước bước trước đó ({date}).</translation>
    </message>
    <message>
        <source>Write the names of the two members who vouch, with a comma.</source>
        <translation>Ghi tên hai đảng viên giới thiệu, cách nhau bằng dấu phẩy.</translation>
    </message>
    <message>
        <source>Write the number of the admission decision.</source>
        <translation>Ghi số quyết định kết nạp.</translation>
    </message>
    <message>
        <source>Write the number of the class certificate.</source>
        <translation>Ghi số giấy chứng nhận học lớp bồi dưỡng.</translation>
    </message>
    <message>
        <source>This candidate no longer exists.</source>
        <translation>Quần chúng này không còn trong dữ liệu.</translation>
    </message>
    <message>
        <source>Write the candidate&apos;s full name.</source>
        <translation>Ghi họ và tên của quần chúng.</translation>
    </message>
    <message>
        <source>Choose the gender.</source>
        <translation>Chọn giới tính.</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>Ngày sinh chưa đến.</translation>
    </message>
    <message>
        <source>The candidate&apos;s details cannot make a member yet: {problem}</source>
        <translation>Thông tin của quần chúng chưa đủ để ghi thành đảng viên: {problem}</translation>
    </message>
    <message>
        <source>Write the date of the step.</source>
        <translation>Ghi ngày của bước này.</translation>
    </message>
</context>
<context>
    <name>AdmissionsWidget</name>
    <message>
        <source>Steps that are late or due soon</source>
        <translation>Các bước đã trễ hoặc sắp đến hạn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Bước tiếp theo</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Quần chúng ưu tú</translation>
    </message>
    <message>
        <source>&amp;New candidate…</source>
        <translation>&amp;Thêm quần chúng…</translation>
    </message>
    <message>
        <source>Record the ne&amp;xt step…</source>
        <translation>Ghi &amp;bước tiếp theo…</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Steps
done</source>
        <translation>Số bước
đã xong</translation>
    </message>
    <message>
        <source>Latest
step on</source>
        <translation>Ngày bước
gần nhất</translation>
    </message>
    <message>
        <source>Steps of the chosen candidate</source>
        <translation>Các bước của quần chúng đang chọn</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Late: do it now</source>
        <translation>Đã trễ: làm ngay</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Admitted: now a probationary member</source>
        <translation>Đã kết nạp: nay là đảng viên dự bị</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>Add an item</source>
        <translation>Thêm nội dung</translation>
    </message>
    <message>
        <source>Remove the item</source>
        <translation>Xóa nội dung</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Presented by</source>
        <translation>Người trình bày</translation>
    </message>
    <message>
        <source>What was presented</source>
        <translation>Nội dung trình bày</translation>
    </message>
    <message>
        <source>Who spoke and what they said</source>
        <translation>Ý kiến thảo luận</translation>
    </message>
    <message>
        <source>The chair&apos;s conclusion</source>
        <translation>Kết luận của chủ trì</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nội dung mới</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve the minutes</source>
        <translation>Thông qua biên bản</translation>
    </message>
    <message>
        <source>Meeting of {date}: {present}/{required} members present ({ratio}).</source>
        <translation>Buổi sinh hoạt ngày {date}: có mặt {present}/{required} đảng viên phải dự ({ratio}).</translation>
    </message>
    <message>
        <source>Attendance is below the bar of {bar}% set in the rules: this meeting will count as below the bar.</source>
        <translation>Tỷ lệ dự họp dưới ngưỡng {bar}% theo quy định: buổi sinh hoạt này sẽ được tính là dưới ngưỡng.</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Ngày thông qua</translation>
    </message>
    <message>
        <source>Usually the day of the meeting, when the minutes are read out and approved. After approval the meeting cannot be changed; corrections go in an addendum.</source>
        <translation>Thường là ngày họp, khi biên bản được đọc lại và thông qua ngay tại buổi sinh hoạt. Sau khi thông qua, buổi sinh hoạt không sửa được nữa; mọi đính chính ghi vào phụ lục.</translation>
    </message>
    <message>
        <source>Approve and lock</source>
        <translation>Thông qua và khóa</translation>
    </message>
</context>
<context>
    <name>AttendanceKey</name>
    <message>
        <source>P</source>
        <translation>C</translation>
    </message>
    <message>
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <source>E</source>
        <translation>P</translation>
    </message>
    <message>
        <source>U</source>
        <translation>K</translation>
    </message>
    <message>
        <source>D</source>
        <translation>T</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Present or absent</source>
        <translation>Có mặt / vắng</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <source>Type a name to find the member (tone marks not needed), then Enter</source>
        <translation>Gõ tên để tìm đảng viên (không cần dấu), rồi nhấn Enter</translation>
    </message>
    <message>
        <source>Keys: {present} or 1 present · {late} or 2 late · {excused} or 3 absent with reason (then type the reason, Enter) · {unexcused} or 4 absent without reason · {duty} or 5 special duty</source>
        <translation>Phím: {present} hoặc 1 có mặt · {late} hoặc 2 đến muộn · {excused} hoặc 3 vắng có lý do (rồi gõ lý do, Enter) · {unexcused} hoặc 4 vắng không lý do · {duty} hoặc 5 đi công tác</translation>
    </message>
    <message>
        <source>Present {present} of {required} required ({ratio}); late {late}; absent with reason {excused}, without reason {unexcused}; not required: exempted {exempted}, away {away}, special duty {duty}; temporarily attached present {attached}.</source>
        <translation>Có mặt {present}/{required} đảng viên phải dự ({ratio}); đến muộn {late}; vắng có lý do {excused}, không lý do {unexcused}; không phải dự: miễn sinh hoạt {exempted}, tạm vắng {away}, đi công tác {duty}; sinh hoạt tạm thời có mặt {attached}.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Hamlet / cell</source>
        <translation>Ấp / tổ đảng</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Party card</source>
        <translation>Thẻ đảng viên</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Diễn biến</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>Thematic topic</source>
        <translation>Chuyên đề</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Meeting guest</source>
        <translation>Khách mời</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Nội dung họp</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Nghị quyết</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Minutes addendum</source>
        <translation>Phụ lục biên bản</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>Quỹ</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Khoản vay</translation>
    </message>
    <message>
        <source>Repayment plan</source>
        <translation>Kế hoạch trả nợ</translation>
    </message>
    <message>
        <source>Fund entry</source>
        <translation>Bút toán quỹ</translation>
    </message>
    <message>
        <source>Key of this computer</source>
        <translation>Khóa của máy này</translation>
    </message>
    <message>
        <source>Branch key</source>
        <translation>Khóa của chi bộ</translation>
    </message>
    <message>
        <source>Password on opening</source>
        <translation>Mật khẩu khi mở</translation>
    </message>
    <message>
        <source>Dues settings</source>
        <translation>Cách tính đảng phí</translation>
    </message>
    <message>
        <source>Dues exemption or reduction</source>
        <translation>Miễn, giảm đảng phí</translation>
    </message>
    <message>
        <source>Dues entry</source>
        <translation>Sổ đảng phí</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Nhiệm kỳ</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Ngày nghỉ lễ</translation>
    </message>
    <message>
        <source>Member&apos;s yearly review</source>
        <translation>Đánh giá đảng viên</translation>
    </message>
    <message>
        <source>Branch&apos;s yearly rating</source>
        <translation>Xếp loại chi bộ</translation>
    </message>
    <message>
        <source>Commendation or discipline</source>
        <translation>Khen thưởng, kỷ luật</translation>
    </message>
    <message>
        <source>Candidate for admission</source>
        <translation>Quần chúng ưu tú</translation>
    </message>
    <message>
        <source>Admission step</source>
        <translation>Bước kết nạp</translation>
    </message>
    <message>
        <source>Member sent by two units</source>
        <translation>Hồ sơ đảng viên trùng giữa hai đơn vị</translation>
    </message>
    <message>
        <source>Package from a unit</source>
        <translation>Gói dữ liệu của đơn vị</translation>
    </message>
    <message>
        <source>added</source>
        <translation>thêm</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>sửa</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>xóa</translation>
    </message>
    <message>
        <source>taken in</source>
        <translation>nhận vào</translation>
    </message>
    <message>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <source>made by the unit at</source>
        <translation>đơn vị lập lúc</translation>
    </message>
    <message>
        <source>fingerprint of the unit&apos;s key</source>
        <translation>dấu vân tay khóa của đơn vị</translation>
    </message>
    <message>
        <source>package&apos;s hash (SHA-256)</source>
        <translation>mã băm của gói (SHA-256)</translation>
    </message>
    <message>
        <source>{count} added</source>
        <translation>thêm {count}</translation>
    </message>
    <message>
        <source>{count} changed</source>
        <translation>sửa {count}</translation>
    </message>
    <message>
        <source>{count} removed</source>
        <translation>xóa {count}</translation>
    </message>
    <message>
        <source>{count} differing, kept as they were here</source>
        <translation>{count} khác với bản ở đây, giữ như cũ</translation>
    </message>
    <message>
        <source>members set aside for review</source>
        <translation>đảng viên chờ xem xét</translation>
    </message>
    <message>
        <source>interest-free</source>
        <translation>không lấy lãi</translation>
    </message>
    <message>
        <source>monthly rate on the amount lent</source>
        <translation>lãi theo tháng trên số tiền vay</translation>
    </message>
    <message>
        <source>monthly rate on the principal still owed</source>
        <translation>lãi theo tháng trên dư nợ gốc</translation>
    </message>
    <message>
        <source>equal principal each month</source>
        <translation>trả gốc đều hằng tháng</translation>
    </message>
    <message>
        <source>all at the end of the term</source>
        <translation>trả hết khi đến hạn</translation>
    </message>
    <message>
        <source>exempt</source>
        <translation>miễn</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>giảm</translation>
    </message>
    <message>
        <source>waiting for review</source>
        <translation>đang chờ xem xét</translation>
    </message>
    <message>
        <source>stored version kept</source>
        <translation>giữ bản đang lưu</translation>
    </message>
    <message>
        <source>sent version taken</source>
        <translation>nhận bản được gửi</translation>
    </message>
    <message>
        <source>signing key</source>
        <translation>khóa ký</translation>
    </message>
    <message>
        <source>key for locked packages</source>
        <translation>khóa mở gói dữ liệu</translation>
    </message>
    <message>
        <source>level</source>
        <translation>cấp</translation>
    </message>
    <message>
        <source>upper level</source>
        <translation>cấp trên</translation>
    </message>
    <message>
        <source>place name for documents</source>
        <translation>địa danh ghi trên văn bản</translation>
    </message>
    <message>
        <source>this computer&apos;s own unit</source>
        <translation>đơn vị của máy này</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>họ và tên</translation>
    </message>
    <message>
        <source>birth name</source>
        <translation>tên khai sinh</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>ngày sinh</translation>
    </message>
    <message>
        <source>place of birth</source>
        <translation>nơi sinh</translation>
    </message>
    <message>
        <source>home town</source>
        <translation>quê quán</translation>
    </message>
    <message>
        <source>residence</source>
        <translation>nơi cư trú</translation>
    </message>
    <message>
        <source>ethnicity</source>
        <translation>dân tộc</translation>
    </message>
    <message>
        <source>religion</source>
        <translation>tôn giáo</translation>
    </message>
    <message>
        <source>ID number (CCCD)</source>
        <translation>số CCCD</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>số điện thoại</translation>
    </message>
    <message>
        <source>occupation</source>
        <translation>nghề nghiệp</translation>
    </message>
    <message>
        <source>general education</source>
        <translation>giáo dục phổ thông</translation>
    </message>
    <message>
        <source>professional level</source>
        <translation>chuyên môn, nghiệp vụ</translation>
    </message>
    <message>
        <source>political theory</source>
        <translation>lý luận chính trị</translation>
    </message>
    <message>
        <source>foreign language</source>
        <translation>ngoại ngữ</translation>
    </message>
    <message>
        <source>informatics</source>
        <translation>tin học</translation>
    </message>
    <message>
        <source>admission date</source>
        <translation>ngày vào Đảng</translation>
    </message>
    <message>
        <source>admission decision no.</source>
        <translation>số quyết định kết nạp</translation>
    </message>
    <message>
        <source>admission decision date</source>
        <translation>ngày quyết định kết nạp</translation>
    </message>
    <message>
        <source>official date</source>
        <translation>ngày chính thức</translation>
    </message>
    <message>
        <source>official decision no.</source>
        <translation>số quyết định công nhận chính thức</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>số thẻ đảng viên</translation>
    </message>
    <message>
        <source>use</source>
        <translation>công dụng</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>chi bộ</translation>
    </message>
    <message>
        <source>registered at</source>
        <translation>đăng ký lúc</translation>
    </message>
    <message>
        <source>lock after minutes unused (0: never)</source>
        <translation>tự khóa sau số phút không dùng (0: không khóa)</translation>
    </message>
    <message>
        <source>changed at</source>
        <translation>đổi lúc</translation>
    </message>
    <message>
        <source>from</source>
        <translation>từ</translation>
    </message>
    <message>
        <source>category</source>
        <translation>đối tượng</translation>
    </message>
    <message>
        <source>base</source>
        <translation>căn cứ tính</translation>
    </message>
    <message>
        <source>minimum-wage region</source>
        <translation>vùng lương tối thiểu</translation>
    </message>
    <message>
        <source>pays by choice</source>
        <translation>tự nguyện đóng</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>tỷ lệ (%)</translation>
    </message>
    <message>
        <source>first month</source>
        <translation>từ tháng</translation>
    </message>
    <message>
        <source>last month</source>
        <translation>đến tháng</translation>
    </message>
    <message>
        <source>decided on</source>
        <translation>ngày quyết định</translation>
    </message>
    <message>
        <source>book month</source>
        <translation>tháng ghi sổ</translation>
    </message>
    <message>
        <source>paid by</source>
        <translation>hình thức</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>ngày đầu</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>ngày cuối</translation>
    </message>
    <message>
        <source>admissions target</source>
        <translation>chỉ tiêu kết nạp</translation>
    </message>
    <message>
        <source>self-rating</source>
        <translation>tự xếp loại</translation>
    </message>
    <message>
        <source>points</source>
        <translation>điểm</translation>
    </message>
    <message>
        <source>branch proposes</source>
        <translation>chi bộ đề nghị</translation>
    </message>
    <message>
        <source>members voting</source>
        <translation>số biểu quyết</translation>
    </message>
    <message>
        <source>final level (committee)</source>
        <translation>cấp ủy quyết định</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>xếp loại</translation>
    </message>
    <message>
        <source>form</source>
        <translation>hình thức</translation>
    </message>
    <message>
        <source>date of the decision</source>
        <translation>ngày quyết định</translation>
    </message>
    <message>
        <source>decided by</source>
        <translation>cấp quyết định</translation>
    </message>
    <message>
        <source>admitted as member</source>
        <translation>đã kết nạp thành đảng viên</translation>
    </message>
    <message>
        <source>step</source>
        <translation>bước</translation>
    </message>
    <message>
        <source>details</source>
        <translation>chi tiết</translation>
    </message>
    <message>
        <source>kept here for</source>
        <translation>đang lưu cho</translation>
    </message>
    <message>
        <source>sent by</source>
        <translation>đơn vị gửi</translation>
    </message>
    <message>
        <source>package number</source>
        <translation>số gói</translation>
    </message>
    <message>
        <source>received at</source>
        <translation>nhận lúc</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>quyết định</translation>
    </message>
    <message>
        <source>decided at</source>
        <translation>quyết định lúc</translation>
    </message>
    <message>
        <source>top margin {value} mm</source>
        <translation>lề trên {value} mm</translation>
    </message>
    <message>
        <source>bottom margin {value} mm</source>
        <translation>lề dưới {value} mm</translation>
    </message>
    <message>
        <source>left margin {value} mm</source>
        <translation>lề trái {value} mm</translation>
    </message>
    <message>
        <source>right margin {value} mm</source>
        <translation>lề phải {value} mm</translation>
    </message>
    <message>
        <source>text {value} pt</source>
        <translation>chữ {value} pt</translation>
    </message>
    <message>
        <source>Party name {value} pt</source>
        <translation>tên Đảng {value} pt</translation>
    </message>
    <message>
        <source>title {value} pt</source>
        <translation>tiêu đề {value} pt</translation>
    </message>
    <message>
        <source>other members at or past retirement age</source>
        <translation>đảng viên khác đã đến tuổi nghỉ hưu</translation>
    </message>
    <message>
        <source>to the nearest {step} đ</source>
        <translation>làm tròn đến {step} đ gần nhất</translation>
    </message>
    <message>
        <source>up to {step} đ</source>
        <translation>làm tròn lên đến {step} đ</translation>
    </message>
    <message>
        <source>down to {step} đ</source>
        <translation>làm tròn xuống đến {step} đ</translation>
    </message>
    <message>
        <source>{years} years {months} months</source>
        <translation>{years} tuổi {months} tháng</translation>
    </message>
    <message>
        <source>{years} years</source>
        <translation>{years} tuổi</translation>
    </message>
    <message>
        <source>of the minimum wage</source>
        <translation>lương tối thiểu vùng</translation>
    </message>
    <message>
        <source>of the base</source>
        <translation>căn cứ tính</translation>
    </message>
    <message>
        <source>region {name} {amount}</source>
        <translation>vùng {name} {amount}</translation>
    </message>
    <message>
        <source>{who}: {age} in {year}, {step} months more each year up to {until}</source>
        <translation>{who}: {age} năm {year}, mỗi năm thêm {step} tháng, đến {until}</translation>
    </message>
    <message>
        <source>{step}: {days} days</source>
        <translation>{step}: {days} ngày</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>region {name}</source>
        <translation>vùng {name}</translation>
    </message>
    <message>
        <source>a photo</source>
        <translation>có ảnh</translation>
    </message>
    <message>
        <source>(no longer there)</source>
        <translation>(không còn)</translation>
    </message>
    <message>
        <source>hamlet</source>
        <translation>ấp / tổ đảng</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>date</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>until</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <source>decision no.</source>
        <translation>số quyết định</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>điểm danh</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <source>approved on</source>
        <translation>ngày duyệt</translation>
    </message>
    <message>
        <source>paid out on</source>
        <translation>ngày giải ngân</translation>
    </message>
    <message>
        <source>value</source>
        <translation>giá trị</translation>
    </message>
    <message>
        <source>valid from</source>
        <translation>hiệu lực từ</translation>
    </message>
    <message>
        <source>name</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>title</source>
        <translation>tiêu đề</translation>
    </message>
    <message>
        <source>text</source>
        <translation>nội dung</translation>
    </message>
    <message>
        <source>content</source>
        <translation>nội dung</translation>
    </message>
    <message>
        <source>biography number</source>
        <translation>số lý lịch</translation>
    </message>
    <message>
        <source>Party badge number</source>
        <translation>số huy hiệu Đảng</translation>
    </message>
    <message>
        <source>Party badge date</source>
        <translation>ngày nhận huy hiệu Đảng</translation>
    </message>
    <message>
        <source>Party position</source>
        <translation>chức vụ Đảng</translation>
    </message>
    <message>
        <source>government or mass-organisation position</source>
        <translation>chức vụ chính quyền, đoàn thể</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>ảnh</translation>
    </message>
    <message>
        <source>recorded on</source>
        <translation>ngày ghi</translation>
    </message>
    <message>
        <source>event</source>
        <translation>sự kiện</translation>
    </message>
    <message>
        <source>arrives as</source>
        <translation>tư cách khi đến</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>quy định</translation>
    </message>
    <message>
        <source>year</source>
        <translation>năm</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>quý</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>chủ đề</translation>
    </message>
    <message>
        <source>started at</source>
        <translation>giờ bắt đầu</translation>
    </message>
    <message>
        <source>ended at</source>
        <translation>giờ kết thúc</translation>
    </message>
    <message>
        <source>place</source>
        <translation>địa điểm</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>chủ trì</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>thư ký</translation>
    </message>
    <message>
        <source>minutes number</source>
        <translation>số biên bản</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>điểm đánh giá</translation>
    </message>
    <message>
        <source>minutes approved on</source>
        <translation>ngày thông qua biên bản</translation>
    </message>
    <message>
        <source>position</source>
        <translation>chức vụ</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>presented by</source>
        <translation>người trình bày</translation>
    </message>
    <message>
        <source>conclusion</source>
        <translation>kết luận</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>người phát biểu</translation>
    </message>
    <message>
        <source>what was said</source>
        <translation>nội dung phát biểu</translation>
    </message>
    <message>
        <source>votes for</source>
        <translation>số tán thành</translation>
    </message>
    <message>
        <source>votes against</source>
        <translation>số không tán thành</translation>
    </message>
    <message>
        <source>abstentions</source>
        <translation>số không biểu quyết</translation>
    </message>
    <message>
        <source>entitled to vote</source>
        <translation>số được biểu quyết</translation>
    </message>
    <message>
        <source>assigned to</source>
        <translation>người được giao</translation>
    </message>
    <message>
        <source>task</source>
        <translation>nhiệm vụ</translation>
    </message>
    <message>
        <source>due</source>
        <translation>thời hạn</translation>
    </message>
    <message>
        <source>counted as</source>
        <translation>tư cách</translation>
    </message>
    <message>
        <source>spoke</source>
        <translation>có phát biểu</translation>
    </message>
    <message>
        <source>source</source>
        <translation>nguồn vốn</translation>
    </message>
    <message>
        <source>custodian</source>
        <translation>người giữ quỹ</translation>
    </message>
    <message>
        <source>largest loan</source>
        <translation>mức vay tối đa</translation>
    </message>
    <message>
        <source>term (months)</source>
        <translation>thời hạn (tháng)</translation>
    </message>
    <message>
        <source>interest</source>
        <translation>cách tính lãi</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>lãi suất mỗi tháng</translation>
    </message>
    <message>
        <source>repayment</source>
        <translation>cách trả nợ</translation>
    </message>
    <message>
        <source>grants, not loans</source>
        <translation>hỗ trợ không hoàn lại</translation>
    </message>
    <message>
        <source>borrower</source>
        <translation>người vay</translation>
    </message>
    <message>
        <source>hardship</source>
        <translation>hoàn cảnh khó khăn</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>mục đích vay</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>số tiền</translation>
    </message>
    <message>
        <source>approved at the meeting of</source>
        <translation>được duyệt tại cuộc họp ngày</translation>
    </message>
    <message>
        <source>approved by</source>
        <translation>người duyệt</translation>
    </message>
    <message>
        <source>a grant, not a loan</source>
        <translation>hỗ trợ không hoàn lại</translation>
    </message>
    <message>
        <source>instalment</source>
        <translation>kỳ trả</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>tiền gốc</translation>
    </message>
    <message>
        <source>interest or fee</source>
        <translation>tiền lãi, phí</translation>
    </message>
    <message>
        <source>reverses an earlier entry</source>
        <translation>đảo một bút toán trước</translation>
    </message>
    <message>
        <source>entered by</source>
        <translation>người ghi</translation>
    </message>
    <message>
        <source>(time unknown)</source>
        <translation>(không rõ thời điểm)</translation>
    </message>
    <message>
        <source>year {year}</source>
        <translation>năm {year}</translation>
    </message>
    <message>
        <source>meeting of {date}</source>
        <translation>cuộc họp ngày {date}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Log of changes</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <source>Name, field or value…</source>
        <translation>Tên, trường hoặc giá trị…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Containing</source>
        <translation>Có chữ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thao tác</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) shown, newest first.</source>
        <translation>
            <numerusform>Hiển thị {count} thay đổi, mới nhất trước.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the newest {limit} are shown; narrow the dates to see older ones.</source>
        <translation>Chỉ hiển thị {limit} thay đổi mới nhất; hãy thu hẹp khoảng ngày để xem các thay đổi cũ hơn.</translation>
    </message>
</context>
<context>
    <name>AwardDialog</name>
    <message>
        <source>Commendation or discipline</source>
        <translation>Khen thưởng hoặc kỷ luật</translation>
    </message>
    <message>
        <source>e.g. Giấy khen, Khiển trách</source>
        <translation>ví dụ Giấy khen, Khiển trách</translation>
    </message>
    <message>
        <source>e.g. 125-QĐ/ĐU</source>
        <translation>ví dụ 125-QĐ/ĐU</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Loại</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Hình thức</translation>
    </message>
    <message>
        <source>&amp;Date of the decision</source>
        <translation>&amp;Ngày quyết định</translation>
    </message>
    <message>
        <source>Decision &amp;number</source>
        <translation>&amp;Số quyết định</translation>
    </message>
    <message>
        <source>Decided &amp;by</source>
        <translation>&amp;Cấp quyết định</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>&amp;Ghi chú</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>{path} is damaged; a copy of it would be no backup. Restore a backup instead.</source>
        <translation>{path} bị hỏng; sao chép nó thì không thành bản sao lưu được. Hãy khôi phục từ một bản sao lưu.</translation>
    </message>
    <message>
        <source>The copy written to {path} could not be read back whole. The drive may be failing: use another drive and keep this one out of use.</source>
        <translation>Bản sao vừa ghi vào {path} không đọc lại được trọn vẹn. Ổ đĩa này có thể đang hỏng: hãy dùng ổ khác và ngừng dùng ổ này.</translation>
    </message>
    <message>
        <source>{path} is a backup of “{theirs}”, not of “{ours}” whose data is here now. Nothing was changed.</source>
        <translation>{path} là bản sao lưu của “{theirs}”, không phải của “{ours}” đang có dữ liệu ở đây. Chưa có gì thay đổi.</translation>
    </message>
    <message>
        <source>{path} is a locked backup: type the passphrase given when it was written. Nothing was changed.</source>
        <translation>{path} là bản sao lưu có khóa: hãy nhập mật khẩu đã đặt khi sao lưu. Chưa có gì thay đổi.</translation>
    </message>
    <message>
        <source>{path} is not a sound backup of this app ({problem}). Nothing was changed; choose another backup.</source>
        <translation>{path} không phải là bản sao lưu hợp lệ của chương trình ({problem}). Chưa có gì thay đổi; hãy chọn bản sao lưu khác.</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of the app. Nothing was changed; update the app first.</source>
        <translation>{path} được tạo bởi phiên bản mới hơn của chương trình. Chưa có gì thay đổi; hãy cập nhật chương trình trước.</translation>
    </message>
    <message>
        <source>{path} is not built the way this app builds its data ({difference}): it may have been altered to harm the records. Nothing was changed; choose another backup.</source>
        <translation>{path} không có cấu trúc như chương trình tạo ra ({difference}): tệp có thể đã bị sửa đổi để làm hại dữ liệu. Chưa có gì thay đổi; hãy chọn bản sao lưu khác.</translation>
    </message>
    <message>
        <source>That is the data file itself, not a backup of it.</source>
        <translation>Đó chính là tệp dữ liệu đang dùng, không phải bản sao lưu của nó.</translation>
    </message>
</context>
<context>
    <name>BackupToFolder</name>
    <message>
        <source>Back up to a folder or USB stick</source>
        <translation>Sao lưu ra thư mục hoặc USB</translation>
    </message>
    <message>
        <source>Backed up to {name}. The drive may be removed.</source>
        <translation>Đã sao lưu vào {name}. Có thể rút ổ đĩa ra.</translation>
    </message>
    <message>
        <source>The backup was written and read back:
{path}

The drive may be removed.</source>
        <translation>Bản sao lưu đã được ghi và đọc lại kiểm tra:
{path}

Có thể rút ổ đĩa ra.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Đã hủy; không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>Copying the data… {percent}%</source>
        <translation>Đang sao chép dữ liệu… {percent}%</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>{when}: damaged, cannot be restored ({problem}).</source>
        <translation>{when}: bị hỏng, không khôi phục được ({problem}).</translation>
    </message>
    <message>
        <source>{when}: not built the way this app builds its data ({names}); it may have been altered and cannot be restored.</source>
        <translation>{when}: không có cấu trúc như chương trình tạo ra ({names}); tệp có thể đã bị sửa đổi nên không khôi phục được.</translation>
    </message>
    <message>
        <source>The last meeting was on {day}.</source>
        <translation>Cuộc họp gần nhất ngày {day}.</translation>
    </message>
    <message>
        <source>{when} — {branch}: {held}.</source>
        <translation>{when} — {branch}: {held}.</translation>
    </message>
    <message>
        <source>The data open now: {held}.</source>
        <translation>Dữ liệu đang mở: {held}.</translation>
    </message>
    <message>
        <source>Last changed {when}.</source>
        <translation>Sửa lần cuối lúc {when}.</translation>
    </message>
    <message>
        <source>This computer, automatic</source>
        <translation>Máy này, tự động</translation>
    </message>
    <message>
        <source>This computer, before an upgrade</source>
        <translation>Máy này, trước khi nâng cấp</translation>
    </message>
    <message>
        <source>This computer, before a restore</source>
        <translation>Máy này, trước khi khôi phục</translation>
    </message>
    <message>
        <source>This computer, a damaged file kept</source>
        <translation>Máy này, tệp hỏng được giữ lại</translation>
    </message>
    <message>
        <source>Locked, in {folder}</source>
        <translation>Có khóa, tại {folder}</translation>
    </message>
    <message>
        <source>The file you chose</source>
        <translation>Tệp bạn đã chọn</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Restored the backup of {summary}</source>
        <translation>Đã khôi phục bản sao lưu lúc {summary}</translation>
    </message>
    <message>
        <source>The data as it was before the restore is kept as {name} in {folder}.</source>
        <translation>Dữ liệu như trước khi khôi phục được giữ lại trong tệp {name} ở thư mục {folder}.</translation>
    </message>
</context>
<context>
    <name>BranchDuesWidget</name>
    <message>
        <source>The branches&apos; Party dues as their newest packages reported them, up to this month.</source>
        <translation>Đảng phí của các chi bộ theo gói dữ liệu mới nhất mỗi chi bộ gửi lên, tính đến tháng này.</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Due (đ)</source>
        <translation>Phải thu (đ)</translation>
    </message>
    <message>
        <source>Collected (đ)</source>
        <translation>Đã thu (đ)</translation>
    </message>
    <message>
        <source>Collection ratio</source>
        <translation>Tỷ lệ thu</translation>
    </message>
    <message>
        <source>Paid up to the committee (đ)</source>
        <translation>Đã nộp cấp trên (đ)</translation>
    </message>
    <message>
        <source>Members who have not paid</source>
        <translation>Đảng viên chưa nộp</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>Tất cả chi bộ</translation>
    </message>
</context>
<context>
    <name>CandidateDialog</name>
    <message>
        <source>New candidate for admission</source>
        <translation>Thêm quần chúng ưu tú</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Giới tính</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Ngày sinh</translation>
    </message>
    <message>
        <source>&amp;Cell</source>
        <translation>&amp;Tổ đảng</translation>
    </message>
    <message>
        <source>&amp;Ethnicity</source>
        <translation>&amp;Dân tộc</translation>
    </message>
    <message>
        <source>&amp;Religion</source>
        <translation>Tôn giá&amp;o</translation>
    </message>
    <message>
        <source>Re&amp;sidence</source>
        <translation>Nơi &amp;ở</translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation>Nghề nghiệ&amp;p</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>Ghi &amp;chú</translation>
    </message>
</context>
<context>
    <name>CapitalDialog</name>
    <message>
        <source>Capital entry</source>
        <translation>Thu, chi vốn</translation>
    </message>
    <message>
        <source>(not a member)</source>
        <translation>(không phải đảng viên)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Contributed by</source>
        <translation>Người đóng góp</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Nothing to show for this year.</source>
        <translation>Năm này chưa có số liệu.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Official</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Ethnic minority</source>
        <translation>Dân tộc thiểu số</translation>
    </message>
    <message>
        <source>Exempted</source>
        <translation>Miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Admitted this year</source>
        <translation>Kết nạp trong năm</translation>
    </message>
    <message>
        <source>No hamlet / cell recorded</source>
        <translation>Chưa ghi ấp / tổ đảng</translation>
    </message>
</context>
<context>
    <name>ChartsWidget</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Print the charts…</source>
        <translation>In biểu đồ…</translation>
    </message>
    <message>
        <source>Members attending, per month (%)</source>
        <translation>Tỷ lệ đảng viên dự sinh hoạt theo tháng (%)</translation>
    </message>
    <message>
        <source>Membership mix</source>
        <translation>Cơ cấu đảng viên</translation>
    </message>
    <message>
        <source>Funds&apos; balance at each month&apos;s end (million đồng)</source>
        <translation>Số dư các quỹ cuối mỗi tháng (triệu đồng)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>There is no database at {path}. Check the path, or create one with “chibo demo”.</source>
        <translation>Không có tệp dữ liệu tại {path}. Hãy kiểm tra lại đường dẫn, hoặc tạo tệp mẫu bằng lệnh “chibo demo”.</translation>
    </message>
    <message>
        <source>The app&apos;s password: </source>
        <translation>Mật khẩu mở chương trình: </translation>
    </message>
    <message>
        <source>That is not the app&apos;s password for {path}. Nothing was read. (A forgotten password is replaced in the app with the recovery code.)</source>
        <translation>Đây không phải mật khẩu mở chương trình của {path}. Chưa đọc gì. (Nếu quên mật khẩu, hãy đặt lại trong chương trình bằng mã khôi phục.)</translation>
    </message>
    <message>
        <source>The branch&apos;s keys are now sealed with the password. Write down the new recovery code and keep it in the branch&apos;s safe: {code}</source>
        <translation>Khóa của chi bộ nay đã được khóa bằng mật khẩu. Hãy ghi lại mã khôi phục mới và cất trong tủ của chi bộ: {code}</translation>
    </message>
    <message>
        <source>The app has {path} open. Close it first: only one program may change the data at a time.</source>
        <translation>Chương trình đang mở {path}. Hãy đóng chương trình trước: mỗi lúc chỉ một chương trình được thay đổi dữ liệu.</translation>
    </message>
    <message>
        <source>{path} already exists; the sample is only written into a new file.</source>
        <translation>{path} đã có; dữ liệu mẫu chỉ được ghi vào một tệp mới.</translation>
    </message>
    <message>
        <source>Wrote a sample branch with {count} members to {path}.</source>
        <translation>Đã ghi chi bộ mẫu gồm {count} đảng viên vào {path}.</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>trùng</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>Cells added to the setup: {cells}.</source>
        <translation>Đã thêm vào danh sách tổ đảng: {cells}.</translation>
    </message>
    <message>
        <source>Cells not in the setup: {cells}. Their {count} new members were not imported; run again with --create-cells to add the cells, or correct the file.</source>
        <translation>Các tổ chưa có trong thiết lập: {cells}. {count} đảng viên mới thuộc các tổ này chưa được nhập; hãy chạy lại với --create-cells để thêm các tổ, hoặc sửa lại tệp.</translation>
    </message>
    <message>
        <source>Exported {count} members to {path}.</source>
        <translation>Đã xuất {count} đảng viên ra {path}.</translation>
    </message>
    <message>
        <source>Printed the minutes to {path}.</source>
        <translation>Đã in biên bản ra {path}.</translation>
    </message>
    <message>
        <source>Printed {count} members to {path}.</source>
        <translation>Đã in danh sách {count} đảng viên ra {path}.</translation>
    </message>
    <message>
        <source>“{text}” is not a level. Write --level branch (a chi bộ) or --level committee (a đảng ủy).</source>
        <translation>“{text}” không phải là một cấp. Hãy viết --level branch (chi bộ) hoặc --level committee (đảng ủy).</translation>
    </message>
    <message>
        <source>Nothing was written; correct these options:</source>
        <translation>Chưa ghi gì cả; hãy sửa các tùy chọn sau:</translation>
    </message>
    <message>
        <source>{path} is already set up for {name}; nothing was changed. Choose a new file name.</source>
        <translation>{path} đã được thiết lập cho {name}; không thay đổi gì. Hãy chọn một tên tệp mới.</translation>
    </message>
    <message>
        <source>Set up {path}: {level}, “{name}”, reporting to {upper}.</source>
        <translation>Đã thiết lập {path}: {level}, “{name}”, trực thuộc {upper}.</translation>
    </message>
    <message>
        <source>{path}: no damage found.</source>
        <translation>{path}: không thấy hư hỏng nào.</translation>
    </message>
    <message>
        <source>{path} is damaged:</source>
        <translation>{path} bị hỏng:</translation>
    </message>
    <message>
        <source>Passphrase for the backup (at least 8 characters): </source>
        <translation>Mật khẩu cho bản sao lưu (ít nhất 8 ký tự): </translation>
    </message>
    <message>
        <source>The same passphrase again: </source>
        <translation>Nhập lại mật khẩu: </translation>
    </message>
    <message>
        <source>Backed up {path} to {out}, locked with the passphrase, and read it back.</source>
        <translation>Đã sao lưu {path} vào {out}, khóa bằng mật khẩu, và đã đọc lại để kiểm tra.</translation>
    </message>
    <message>
        <source>Passphrase of the backup: </source>
        <translation>Mật khẩu của bản sao lưu: </translation>
    </message>
    <message>
        <source>{path} is a backup of “{theirs}”, not of “{ours}” whose data is in {db}. Nothing was changed. To replace that data with the other branch&apos;s all the same, run the command again with --other-branch.</source>
        <translation>{path} là bản sao lưu của “{theirs}”, không phải của “{ours}” có dữ liệu trong {db}. Chưa có gì thay đổi. Nếu vẫn muốn thay dữ liệu đó bằng dữ liệu của chi bộ kia, hãy chạy lại lệnh với --other-branch.</translation>
    </message>
    <message>
        <source>Restored {path} from the backup of {date} ({members} members).</source>
        <translation>Đã khôi phục {path} từ bản sao lưu lúc {date} ({members} đảng viên).</translation>
    </message>
    <message>
        <source>The file it replaced is kept as {kept}.</source>
        <translation>Tệp cũ bị thay thế được giữ lại tại {kept}.</translation>
    </message>
    <message>
        <source>--db names the data file to move (a .sqlite file), and the command the PostgreSQL database to move it to: chibo migrate-to --db FILE postgresql://user@host/dbname</source>
        <translation>--db là tệp dữ liệu cần chuyển (tệp .sqlite), còn địa chỉ sau lệnh là cơ sở dữ liệu PostgreSQL sẽ nhận: chibo migrate-to --db TỆP postgresql://người_dùng@máy_chủ/tên_csdl</translation>
    </message>
    <message>
        <source>A committee&apos;s PostgreSQL database is restored by the server&apos;s administrator with pg_restore (README: “A province&apos;s committee on PostgreSQL”); nothing was changed.</source>
        <translation>Cơ sở dữ liệu PostgreSQL của cấp ủy do người quản trị máy chủ khôi phục bằng pg_restore (README: “A province&apos;s committee on PostgreSQL”); chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>{path}: the server answers and the records are at the app&apos;s newest version ({revision}); PostgreSQL enforces the links between records itself. Its pages are checked by its administrator (amcheck).</source>
        <translation>{path}: máy chủ trả lời và hồ sơ đã ở phiên bản mới nhất của chương trình ({revision}); PostgreSQL tự bảo đảm liên kết giữa các bản ghi. Việc kiểm tra các trang dữ liệu do người quản trị máy chủ làm (amcheck).</translation>
    </message>
    <message>
        <source>Backed up {path} to {out} with pg_dump (pg_restore reads it back).</source>
        <translation>Đã sao lưu {path} vào {out} bằng pg_dump (khôi phục bằng pg_restore).</translation>
    </message>
    <message>
        <source>“{text}” is not a PostgreSQL address. Write postgresql://user@host/dbname.</source>
        <translation>“{text}” không phải địa chỉ PostgreSQL. Hãy ghi postgresql://người_dùng@máy_chủ/tên_csdl.</translation>
    </message>
    <message>
        <source>Moved {rows} records in {tables} tables from {path} to {target}, and compared every one of them with the file. Open the app with --db {target} from now on; keep the file as it is.</source>
        <translation>Đã chuyển {rows} bản ghi trong {tables} bảng từ {path} sang {target} và đối chiếu từng bản ghi với tệp. Từ nay hãy mở chương trình với --db {target}; giữ nguyên tệp cũ.</translation>
    </message>
    <message>
        <source>This needs a passphrase or password, and there is no terminal to type it in. Give it in a file with --password-file FILE or --passphrase-file FILE (- reads it from standard input).</source>
        <translation>Việc này cần mật khẩu, nhưng không có cửa sổ dòng lệnh để nhập. Hãy đưa mật khẩu trong một tệp bằng --password-file TỆP hoặc --passphrase-file TỆP (dấu - để đọc từ đầu vào chuẩn).</translation>
    </message>
    <message>
        <source>The two passphrases differ. Nothing was written; try again.</source>
        <translation>Hai lần nhập mật khẩu khác nhau. Chưa ghi gì; hãy thử lại.</translation>
    </message>
    <message>
        <source>The passphrase file {path} could not be read.</source>
        <translation>Không đọc được tệp mật khẩu {path}.</translation>
    </message>
    <message>
        <source>Wrote {path} (package {sequence}, {size} bytes) and read it back: done, the drive can be removed safely.</source>
        <translation>Đã ghi {path} (gói số {sequence}, {size} byte) và đọc lại để kiểm tra: xong, có thể rút ổ an toàn.</translation>
    </message>
    <message>
        <source>It carries the records changed since package {since}, which the upper level confirmed: {records}.</source>
        <translation>Gói chỉ mang các hồ sơ thay đổi từ sau gói số {since} mà cấp trên đã xác nhận: {records}.</translation>
    </message>
    <message>
        <source>Once the fingerprint matches, run the import again with --trust &quot;{fingerprint}&quot;.</source>
        <translation>Khi dấu vân tay đã khớp, hãy chạy lại lệnh nhập với --trust &quot;{fingerprint}&quot;.</translation>
    </message>
    <message>
        <source>{count} members sent by two units are waiting for review (chibo conflicts list).</source>
        <translation>{count} hồ sơ đảng viên do hai đơn vị cùng gửi đang chờ xem xét (chibo conflicts list).</translation>
    </message>
    <message>
        <source>Took the record {unit} sent: {name} now belongs to {unit}.</source>
        <translation>Đã nhận hồ sơ do {unit} gửi: đảng viên {name} nay thuộc {unit}.</translation>
    </message>
    <message>
        <source>Kept the record stored for {unit}: {name}; the version {sender} sent is set aside.</source>
        <translation>Đã giữ hồ sơ đang lưu cho {unit}: {name}; bản do {sender} gửi được để riêng, không ghi vào.</translation>
    </message>
    <message>
        <source>“{text}” is not a date. Write it as 2024-06-10.</source>
        <translation>“{text}” không phải là ngày. Hãy viết dạng 2024-06-10.</translation>
    </message>
    <message>
        <source>“{command}” needs the database it works on: add --db FILE (a data file) or --db postgresql://user@host/dbname (a committee&apos;s server). The app&apos;s own data file is {path}, so for it type: {command} --db &quot;{path}&quot; …</source>
        <translation>“{command}” cần biết làm việc trên dữ liệu nào: thêm --db TỆP (một tệp dữ liệu) hoặc --db postgresql://user@host/dbname (máy chủ của đảng ủy). Tệp dữ liệu của ứng dụng là {path}; để làm việc trên tệp đó, hãy gõ: {command} --db &quot;{path}&quot; …</translation>
    </message>
    <message>
        <source>Printed {path}.</source>
        <translation>Đã in ra {path}.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>This conflict was decided already (or is not in the list). Nothing was changed.</source>
        <translation>Hồ sơ trùng này đã được quyết định (hoặc không có trong danh sách). Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>The sent records refer to records that are no longer here. Nothing was changed; take in the sending unit&apos;s newest package, then decide again.</source>
        <translation>Các bản ghi được gửi nhắc đến bản ghi không còn ở đây. Không có gì thay đổi; hãy nhận gói mới nhất của đơn vị gửi rồi quyết định lại.</translation>
    </message>
</context>
<context>
    <name>ConflictsWidget</name>
    <message>
        <source>A unit sent a member this database keeps for another unit (a transfer recorded at both ends, or a copied file). The stored record was not written over, and the sending unit&apos;s records that name the member wait with it. Compare the two versions, then keep the stored one or take the sent one.</source>
        <translation>Một đơn vị đã gửi một đảng viên mà dữ liệu ở đây đang lưu cho đơn vị khác (chuyển sinh hoạt được ghi ở cả hai nơi, hoặc tệp bị sao chép). Hồ sơ đang lưu không bị ghi đè; các bản ghi của đơn vị gửi có nhắc đến đảng viên này được giữ lại chờ cùng. Hãy so sánh hai bản, rồi giữ bản đang lưu hoặc nhận bản được gửi.</translation>
    </message>
    <message>
        <source>Member (as sent)</source>
        <translation>Đảng viên (theo bản gửi)</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Đơn vị gửi</translation>
    </message>
    <message>
        <source>Kept here for</source>
        <translation>Đang lưu cho</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Gói số</translation>
    </message>
    <message>
        <source>Records waiting with it</source>
        <translation>Bản ghi chờ kèm theo</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Stored version</source>
        <translation>Bản đang lưu</translation>
    </message>
    <message>
        <source>Sent version</source>
        <translation>Bản được gửi</translation>
    </message>
    <message>
        <source>&amp;Keep the stored version</source>
        <translation>&amp;Giữ bản đang lưu</translation>
    </message>
    <message>
        <source>&amp;Take the sent version</source>
        <translation>&amp;Nhận bản được gửi</translation>
    </message>
    <message>
        <source>The two versions of the chosen member (only the fields that differ):</source>
        <translation>Hai bản của đảng viên đã chọn (chỉ các mục khác nhau):</translation>
    </message>
    <message>
        <source>Loading the members waiting for review…</source>
        <translation>Đang tải danh sách hồ sơ chờ xem xét…</translation>
    </message>
    <message>
        <source>Nothing is waiting for review.</source>
        <translation>Không có hồ sơ nào đang chờ xem xét.</translation>
    </message>
    <message>
        <source>Choose a member.</source>
        <translation>Hãy chọn một đảng viên.</translation>
    </message>
    <message>
        <source>(no difference but the unit)</source>
        <translation>(chỉ khác đơn vị)</translation>
    </message>
    <message>
        <source>Stored for {stored}: {stored_name}. Sent by {sent} in its package {sequence}.</source>
        <translation>Đang lưu cho {stored}: {stored_name}. Do {sent} gửi trong gói số {sequence}.</translation>
    </message>
    <message>
        <source>Take the sent version?</source>
        <translation>Nhận bản được gửi?</translation>
    </message>
    <message>
        <source>{name} will belong to {sent}, with the record it sent and its {held} records that waited; {stored} no longer keeps the member. Go on?</source>
        <translation>Đảng viên {name} sẽ thuộc {sent}, theo hồ sơ đơn vị này đã gửi, cùng {held} bản ghi chờ kèm theo; {stored} không còn giữ đảng viên này. Tiếp tục?</translation>
    </message>
    <message>
        <source>Keep the stored version?</source>
        <translation>Giữ bản đang lưu?</translation>
    </message>
    <message>
        <source>{name} stays as {stored} keeps the member; the version {sent} sent and its {held} records that waited are set aside. Go on?</source>
        <translation>Đảng viên {name} giữ nguyên như {stored} đang lưu; bản do {sent} gửi và {held} bản ghi chờ kèm theo được để riêng, không ghi vào. Tiếp tục?</translation>
    </message>
</context>
<context>
    <name>CountsPanel</name>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Ethnic minority</source>
        <translation>Dân tộc thiểu số</translation>
    </message>
    <message>
        <source>Exempted</source>
        <translation>Miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Temporarily away</source>
        <translation>Sinh hoạt tạm thời nơi khác</translation>
    </message>
    <message>
        <source>Temporarily attached (not counted)</source>
        <translation>Sinh hoạt tạm thời tại chi bộ (không tính)</translation>
    </message>
    <message>
        <source>Admitted in</source>
        <translation>Kết nạp mới trong</translation>
    </message>
    <message>
        <source>By hamlet / cell</source>
        <translation>Theo tổ đảng / ấp</translation>
    </message>
    <message>
        <source>Counting the members…</source>
        <translation>Đang đếm số đảng viên…</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Đếm lại</translation>
    </message>
    <message>
        <source>this year ({year})</source>
        <translation>năm nay ({year})</translation>
    </message>
    <message>
        <source>last year ({year})</source>
        <translation>năm trước ({year})</translation>
    </message>
    <message>
        <source>this quarter (Q{q}/{year})</source>
        <translation>quý này (quý {q}/{year})</translation>
    </message>
    <message>
        <source>this month ({month:02d}/{year})</source>
        <translation>tháng này ({month:02d}/{year})</translation>
    </message>
    <message>
        <source>last month ({month:02d}/{year})</source>
        <translation>tháng trước ({month:02d}/{year})</translation>
    </message>
    <message>
        <source>The figures could not be counted: {reason}. The list of members can still be searched, opened and edited. Click “Count again”; if it fails again, close the app and open it again, and if it still fails, give the log file to whoever looks after this computer.</source>
        <translation>Không đếm được số đảng viên: {reason}. Danh sách đảng viên vẫn tìm, mở và sửa được. Bấm “Đếm lại”; nếu vẫn không được, hãy đóng chương trình rồi mở lại, và nếu vẫn lỗi, đưa tệp nhật ký cho người phụ trách máy tính này.</translation>
    </message>
    <message numerus="yes">
        <source>The list holds {records} record(s): {members} counted as members of the branch; {attached} temporarily attached here and {former} no longer in the branch (transferred out, deceased, left the Party) are not counted.</source>
        <translation>
            <numerusform>Danh sách có {records} hồ sơ: {members} được tính là đảng viên của chi bộ; {attached} người sinh hoạt tạm thời tại đây và {former} người không còn sinh hoạt tại chi bộ (đã chuyển đi, từ trần, ra khỏi Đảng) không được tính.</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(chưa xếp tổ)</translation>
    </message>
    <message>
        <source>By branch</source>
        <translation>Theo chi bộ</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Đã xảy ra lỗi</translation>
    </message>
    <message>
        <source>The app met an error it did not expect. Your saved data is safe. The details are in the log file:
{path}</source>
        <translation>Phần mềm gặp một lỗi ngoài dự kiến. Dữ liệu đã lưu vẫn an toàn. Chi tiết được ghi trong tệp nhật ký:
{path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Sao chép chi tiết</translation>
    </message>
</context>
<context>
    <name>Dues</name>
    <message>
        <source>Social-insurance salary</source>
        <translation>Hưởng lương (đóng BHXH bắt buộc)</translation>
    </message>
    <message>
        <source>Pension</source>
        <translation>Hưởng lương hưu</translation>
    </message>
    <message>
        <source>Pupil or student</source>
        <translation>Học sinh, sinh viên</translation>
    </message>
    <message>
        <source>Other (regional minimum wage)</source>
        <translation>Đảng viên khác (theo lương tối thiểu vùng)</translation>
    </message>
    <message>
        <source>Unknown category</source>
        <translation>Diện không rõ</translation>
    </message>
    <message>
        <source>On the social pension</source>
        <translation>Hưởng trợ cấp hưu trí xã hội</translation>
    </message>
    <message>
        <source>Poor household</source>
        <translation>Hộ nghèo</translation>
    </message>
    <message>
        <source>Near-poor household</source>
        <translation>Hộ cận nghèo</translation>
    </message>
    <message>
        <source>Serious illness</source>
        <translation>Mắc bệnh hiểm nghèo</translation>
    </message>
    <message>
        <source>Other hardship</source>
        <translation>Hoàn cảnh khó khăn khác</translation>
    </message>
    <message>
        <source>Unknown reason</source>
        <translation>Lý do không rõ</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <source>Online (public-service portal)</source>
        <translation>Trực tuyến (Cổng Dịch vụ công quốc gia)</translation>
    </message>
    <message>
        <source>Unknown channel</source>
        <translation>Cách nộp không rõ</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>Paid up to the upper level</source>
        <translation>Nộp cấp trên</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Không đóng</translation>
    </message>
    <message>
        <source>Unknown entry</source>
        <translation>Dòng sổ không rõ</translation>
    </message>
    <message>
        <source>The dues book starts in {start}; nothing can be recorded before it.</source>
        <translation>Sổ đảng phí bắt đầu từ tháng {start}; không thể ghi cho tháng trước đó.</translation>
    </message>
    <message>
        <source>The month {month} has not begun yet.</source>
        <translation>Tháng {month} chưa đến.</translation>
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation>Ngày {date} chưa đến.</translation>
    </message>
    <message>
        <source>An entry in the book of {month} cannot be dated before that month.</source>
        <translation>Khoản ghi vào sổ tháng {month} không thể có ngày trước tháng đó.</translation>
    </message>
    <message>
        <source>This member is not in the branch&apos;s dues list.</source>
        <translation>Đảng viên này không có trong danh sách đóng đảng phí của chi bộ.</translation>
    </message>
    <message>
        <source>By {month} the upper level would have been paid {amount} đồng more than its share of the dues collected. Reverse the payment up to the upper level first, then record it again.</source>
        <translation>Đến tháng {month}, số đã nộp cấp trên sẽ nhiều hơn phần phải nộp {amount} đồng. Hãy đảo khoản nộp cấp trên trước, rồi ghi lại.</translation>
    </message>
    <message>
        <source>The amount must be a whole number of đồng, more than 0.</source>
        <translation>Số tiền phải là số đồng tròn, lớn hơn 0.</translation>
    </message>
    <message>
        <source>{name} does not pay dues here in {month} (not in the branch that month, temporarily away — members away pay where they are — or suspended), and owes nothing from before.</source>
        <translation>{name} không đóng đảng phí tại chi bộ trong tháng {month} (không sinh hoạt tại chi bộ tháng đó, đang sinh hoạt tạm thời nơi khác — đóng ở nơi sinh hoạt tạm thời — hoặc bị đình chỉ sinh hoạt), và không còn nợ từ trước.</translation>
    </message>
    <message>
        <source>{name} has nothing due in {month}.</source>
        <translation>{name} không phải đóng đảng phí tháng {month}.</translation>
    </message>
    <message>
        <source>{name} has already paid in {month}. To undo a payment recorded by mistake, reverse it.</source>
        <translation>{name} đã đóng trong tháng {month}. Nếu ghi nhầm, hãy đảo khoản đã ghi.</translation>
    </message>
    <message>
        <source>That is more than the upper level&apos;s share not yet paid up by {month}: {amount} đồng.</source>
        <translation>Số tiền nhiều hơn phần phải nộp cấp trên còn lại đến tháng {month}: {amount} đồng.</translation>
    </message>
    <message>
        <source>This entry is not in the dues journal.</source>
        <translation>Khoản này không có trong sổ đảng phí.</translation>
    </message>
    <message>
        <source>A reversal cannot itself be reversed; record the entry again.</source>
        <translation>Không thể đảo một bút toán đảo; hãy ghi lại khoản đó.</translation>
    </message>
    <message>
        <source>This entry has already been reversed.</source>
        <translation>Bút toán này đã được đảo.</translation>
    </message>
    <message>
        <source>Some fields need attention; see the messages beside them.</source>
        <translation>Một số ô cần được sửa; xem thông báo bên cạnh từng ô.</translation>
    </message>
    <message>
        <source>Choose one of the values in the list.</source>
        <translation>Hãy chọn một giá trị trong danh sách.</translation>
    </message>
    <message>
        <source>{name} owes nothing through {month}.</source>
        <translation>{name} không còn nợ đảng phí đến hết tháng {month}.</translation>
    </message>
    <message>
        <source>Write the month as mm/yyyy, for example 02/2026.</source>
        <translation>Hãy ghi tháng theo dạng tháng/năm, ví dụ 02/2026.</translation>
    </message>
    <message>
        <source>Write the salary or pension the dues are worked out from, in đồng.</source>
        <translation>Hãy ghi tiền lương hoặc lương hưu làm căn cứ tính đảng phí, bằng đồng.</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>Số tiền không thể âm.</translation>
    </message>
    <message>
        <source>The region is I, II, III or IV.</source>
        <translation>Vùng là I, II, III hoặc IV.</translation>
    </message>
    <message>
        <source>A reduction is one of: {allowed} %.</source>
        <translation>Mức giảm là một trong các mức: {allowed} %.</translation>
    </message>
    <message>
        <source>Members on the social pension are exempt, not reduced.</source>
        <translation>Đảng viên hưởng trợ cấp hưu trí xã hội được miễn, không áp dụng giảm.</translation>
    </message>
    <message>
        <source>Write the last month: a decision lasts at most {months} months.</source>
        <translation>Hãy ghi tháng cuối: mỗi quyết định tối đa {months} tháng.</translation>
    </message>
    <message>
        <source>The last month comes before the first.</source>
        <translation>Tháng cuối đứng trước tháng đầu.</translation>
    </message>
    <message>
        <source>A decision lasts at most {months} months; this one would last {count}.</source>
        <translation>Mỗi quyết định tối đa {months} tháng; quyết định này kéo dài {count} tháng.</translation>
    </message>
    <message>
        <source>Write the number of the decision.</source>
        <translation>Hãy ghi số quyết định.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Ngày này chưa đến.</translation>
    </message>
    <message>
        <source>This member already has a decision ({number}) for {month}; end it first.</source>
        <translation>Đảng viên này đã có quyết định ({number}) cho tháng {month}; hãy kết thúc quyết định đó trước.</translation>
    </message>
    <message>
        <source>Overlaps another decision.</source>
        <translation>Trùng thời gian với quyết định khác.</translation>
    </message>
    <message>
        <source>This decision no longer exists.</source>
        <translation>Quyết định này không còn nữa.</translation>
    </message>
    <message>
        <source>The new last month must lie between {first} and {last}.</source>
        <translation>Tháng cuối mới phải trong khoảng từ {first} đến {last}.</translation>
    </message>
    <message>
        <source>Write a whole number of đồng, for example 1,500,000.</source>
        <translation>Hãy ghi số tiền tròn đồng, ví dụ 1.500.000.</translation>
    </message>
</context>
<context>
    <name>DuesSheetModel</name>
    <message>
        <source>Salary {amount}</source>
        <translation>Lương {amount}</translation>
    </message>
    <message>
        <source>Pension {amount}</source>
        <translation>Lương hưu {amount}</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Học sinh, sinh viên</translation>
    </message>
    <message>
        <source>Other, retired, region {region}</source>
        <translation>Khác, quá tuổi lao động, vùng {region}</translation>
    </message>
    <message>
        <source>Other, region {region}</source>
        <translation>Khác, vùng {region}</translation>
    </message>
    <message>
        <source> · exempt (Party age)</source>
        <translation> · miễn (tuổi Đảng)</translation>
    </message>
    <message>
        <source> · exempt by decision</source>
        <translation> · miễn theo quyết định</translation>
    </message>
    <message>
        <source> · reduced {percent}%</source>
        <translation> · giảm {percent}%</translation>
    </message>
    <message>
        <source> · pays more by choice</source>
        <translation> · tự nguyện đóng cao hơn</translation>
    </message>
    <message>
        <source>Not paying here this month</source>
        <translation>Tháng này không đóng tại chi bộ</translation>
    </message>
    <message>
        <source>No rate in force</source>
        <translation>Chưa có mức đóng</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Không phải đóng</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>Đã đóng đủ</translation>
    </message>
    <message>
        <source>Paid ahead</source>
        <translation>Đã đóng trước</translation>
    </message>
    <message>
        <source>Paid in part</source>
        <translation>Đóng một phần</translation>
    </message>
    <message>
        <source>Not paid: {reason}</source>
        <translation>Không đóng: {reason}</translation>
    </message>
    <message>
        <source>Not paid, no reason given</source>
        <translation>Không đóng, không nêu lý do</translation>
    </message>
    <message>
        <source>Not paid yet</source>
        <translation>Chưa đóng</translation>
    </message>
    <message>
        <source>paid ahead {amount}</source>
        <translation>đóng trước {amount}</translation>
    </message>
    <message>
        <source> (online)</source>
        <translation> (trực tuyến)</translation>
    </message>
    <message>
        <source>Party age counts from the date of the admission decision.</source>
        <translation>Tuổi Đảng tính từ ngày quyết định kết nạp.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>How it is worked out</source>
        <translation>Cách tính</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Phải đóng</translation>
    </message>
    <message>
        <source>Owed before</source>
        <translation>Nợ trước</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>Còn nợ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>DuesWidget</name>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Tháng 1</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Tháng 2</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Tháng 3</translation>
    </message>
    <message>
        <source>April</source>
        <translation>Tháng 4</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Tháng 5</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Tháng 6</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Tháng 7</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Tháng 8</translation>
    </message>
    <message>
        <source>September</source>
        <translation>Tháng 9</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Tháng 10</translation>
    </message>
    <message>
        <source>November</source>
        <translation>Tháng 11</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Tháng 12</translation>
    </message>
    <message>
        <source>Type a name to find the member (tone marks not needed), then Enter</source>
        <translation>Gõ tên để tìm đảng viên (không cần dấu), rồi nhấn Enter</translation>
    </message>
    <message>
        <source>Keys: C paid in cash (all owed) · T paid online · K not paid (then type the reason, Enter) · digits: an amount, Enter cash, Ctrl+Enter online · Ctrl+Z undo the member&apos;s last entry · / search</source>
        <translation>Phím: C đã đóng tiền mặt (đủ số còn nợ) · T đóng trực tuyến · K không đóng (gõ lý do, Enter) · gõ số: số tiền, Enter tiền mặt, Ctrl+Enter trực tuyến · Ctrl+Z đảo khoản vừa ghi của đảng viên · / tìm</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>To look at (click a name for the member&apos;s dues)</source>
        <translation>Cần lưu ý (bấm vào tên để xem đảng phí của đảng viên)</translation>
    </message>
    <message>
        <source>Member&apos;s dues settings…</source>
        <translation>Cách tính, miễn giảm của đảng viên…</translation>
    </message>
    <message>
        <source>Undo the last entry…</source>
        <translation>Đảo khoản vừa ghi…</translation>
    </message>
    <message>
        <source>Pay up to the upper level…</source>
        <translation>Nộp cấp trên…</translation>
    </message>
    <message>
        <source>Print the dues book…</source>
        <translation>In sổ đảng phí…</translation>
    </message>
    <message>
        <source>Dues book to Excel…</source>
        <translation>Xuất sổ đảng phí ra Excel…</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>In biên lai…</translation>
    </message>
    <message>
        <source>To change it: File → Rules and thresholds, “{rule}”.</source>
        <translation>Muốn đổi: Tệp → Quy định và ngưỡng, mục “{rule}”.</translation>
    </message>
    <message>
        <source>The dues book is kept in the app from {start}; {month} was before it (on paper), so nothing is due or recorded here.</source>
        <translation>Sổ đảng phí ghi trong chương trình từ tháng {start}; tháng {month} ở trước đó (ghi trên sổ giấy) nên ở đây không tính phải đóng và không ghi gì.</translation>
    </message>
    <message>
        <source>The dues book is kept in the app from {start}; the months before it were collected on paper and count for no arrears here.</source>
        <translation>Sổ đảng phí ghi trong chương trình từ tháng {start}; các tháng trước đó đã thu trên sổ giấy, ở đây không tính nợ.</translation>
    </message>
    <message>
        <source>{month}: collected {collected} of {due} due ({ratio}), of which online {online}; {members} paying here, {exempt} exempt, {unpaid} not paid yet. Kept by the branch {kept}; to the upper level {upper}, paid up {paid_up}, still to pay up {to_pay_up}.</source>
        <translation>{month}: đã thu {collected} trên {due} phải thu ({ratio}), trong đó trực tuyến {online}; {members} đảng viên đóng tại chi bộ, {exempt} miễn, {unpaid} chưa đóng. Chi bộ giữ lại {kept}; phải nộp cấp trên {upper}, đã nộp {paid_up}, còn phải nộp {to_pay_up}.</translation>
    </message>
    <message>
        <source>no dues for {count} months this year without reason (months {months}): the branch may propose removal; the upper level decides.</source>
        <translation>không đóng đảng phí {count} tháng trong năm không có lý do (tháng {months}): chi bộ xem xét đề nghị xóa tên; cấp trên quyết định.</translation>
    </message>
    <message>
        <source>the exemption or reduction ends with {month}.</source>
        <translation>quyết định miễn, giảm hết hiệu lực sau tháng {month}.</translation>
    </message>
    <message>
        <source>reaches {years} years of Party age on {date} (counted from the admission decision): exempt from {month}.</source>
        <translation>đủ {years} năm tuổi Đảng ngày {date} (tính từ ngày quyết định kết nạp): miễn đóng từ tháng {month}.</translation>
    </message>
    <message>
        <source>Nothing.</source>
        <translation>Không có gì.</translation>
    </message>
    <message>
        <source>Reason for not paying</source>
        <translation>Lý do không đóng</translation>
    </message>
    <message>
        <source>Enter: record · Esc: cancel</source>
        <translation>Enter: ghi · Esc: thôi</translation>
    </message>
    <message>
        <source>Enter: cash · Ctrl+Enter: online · Esc: cancel</source>
        <translation>Enter: tiền mặt · Ctrl+Enter: trực tuyến · Esc: thôi</translation>
    </message>
    <message>
        <source>Type digits in the list</source>
        <translation>Gõ số tiền ngay trên danh sách</translation>
    </message>
    <message>
        <source>Write a whole number of đồng, for example 15,000.</source>
        <translation>Hãy ghi số tiền tròn đồng, ví dụ 15.000.</translation>
    </message>
    <message>
        <source>Undo an entry</source>
        <translation>Đảo khoản đã ghi</translation>
    </message>
    <message>
        <source>{name} has no entry in {month} to undo.</source>
        <translation>{name} không có khoản nào trong tháng {month} để đảo.</translation>
    </message>
    <message>
        <source>not paid ({reason})</source>
        <translation>không đóng ({reason})</translation>
    </message>
    <message>
        <source>paid {amount} on {date}</source>
        <translation>đã đóng {amount} ngày {date}</translation>
    </message>
    <message>
        <source>Undo “{what}” of {name} in {month}? The entry stays in the journal and a reversing entry is added.
Why is it undone?</source>
        <translation>Đảo khoản “{what}” của {name} tháng {month}? Khoản cũ vẫn giữ trong sổ, thêm một dòng đảo.
Lý do đảo?</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <source>Save the changes?</source>
        <translation>Lưu thay đổi?</translation>
    </message>
    <message>
        <source>Some changes here are not saved yet. Save them before closing?</source>
        <translation>Có thay đổi chưa được lưu. Lưu lại trước khi đóng?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>Write the date of the event.</source>
        <translation>Hãy ghi ngày của sự kiện.</translation>
    </message>
    <message>
        <source>The date of the event is in the future.</source>
        <translation>Ngày của sự kiện là một ngày trong tương lai.</translation>
    </message>
    <message>
        <source>Admitted (probationary)</source>
        <translation>Kết nạp (đảng viên dự bị)</translation>
    </message>
    <message>
        <source>Recognised as official</source>
        <translation>Công nhận đảng viên chính thức</translation>
    </message>
    <message>
        <source>Transferred in</source>
        <translation>Chuyển sinh hoạt đến</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Chuyển sinh hoạt đi</translation>
    </message>
    <message>
        <source>Temporarily attached here</source>
        <translation>Sinh hoạt tạm thời tại chi bộ</translation>
    </message>
    <message>
        <source>Temporary attachment ended</source>
        <translation>Kết thúc sinh hoạt tạm thời</translation>
    </message>
    <message>
        <source>Temporarily away</source>
        <translation>Sinh hoạt tạm thời nơi khác</translation>
    </message>
    <message>
        <source>Returned from temporary absence</source>
        <translation>Trở về sinh hoạt tại chi bộ</translation>
    </message>
    <message>
        <source>Exempted from work and activities</source>
        <translation>Miễn công tác và sinh hoạt đảng</translation>
    </message>
    <message>
        <source>Exemption ended</source>
        <translation>Kết thúc miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Đình chỉ sinh hoạt</translation>
    </message>
    <message>
        <source>Suspension lifted</source>
        <translation>Hết đình chỉ sinh hoạt</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Từ trần</translation>
    </message>
    <message>
        <source>Removed from the Party</source>
        <translation>Xóa tên</translation>
    </message>
    <message>
        <source>Expelled</source>
        <translation>Khai trừ</translation>
    </message>
    <message>
        <source>Left the Party at own request</source>
        <translation>Xin ra khỏi Đảng</translation>
    </message>
    <message>
        <source>Unknown event (not known to this version of the app)</source>
        <translation>Sự kiện không rõ (phiên bản này của phần mềm không biết)</translation>
    </message>
    <message>
        <source>Choose the kind of event.</source>
        <translation>Hãy chọn loại sự kiện.</translation>
    </message>
    <message>
        <source>The date is before the member&apos;s latest recorded event.</source>
        <translation>Ngày này sớm hơn sự kiện gần nhất đã ghi của đảng viên.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc sớm hơn ngày bắt đầu.</translation>
    </message>
    <message>
        <source>The member already belongs to the branch on that date.</source>
        <translation>Vào ngày đó đảng viên đã sinh hoạt tại chi bộ.</translation>
    </message>
    <message>
        <source>The member has already been admitted.</source>
        <translation>Đảng viên này đã được kết nạp.</translation>
    </message>
    <message>
        <source>The member does not belong to the branch on that date.</source>
        <translation>Vào ngày đó đảng viên không sinh hoạt tại chi bộ.</translation>
    </message>
    <message>
        <source>Only a probationary member can be recognised as official.</source>
        <translation>Chỉ đảng viên dự bị mới được công nhận chính thức.</translation>
    </message>
    <message>
        <source>The member is not temporarily attached here.</source>
        <translation>Đảng viên này không sinh hoạt tạm thời tại chi bộ.</translation>
    </message>
    <message>
        <source>There is nothing to end on that date.</source>
        <translation>Vào ngày đó không có gì để kết thúc.</translation>
    </message>
    <message>
        <source>The member is already in that state on that date.</source>
        <translation>Vào ngày đó đảng viên đã ở tình trạng này.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Record an event</source>
        <translation>Ghi sự kiện</translation>
    </message>
    <message>
        <source>e.g. 125-QĐ/ĐU</source>
        <translation>ví dụ 125-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Until (optional)</source>
        <translation>Đến ngày (nếu có)</translation>
    </message>
    <message>
        <source>Arrives as</source>
        <translation>Là đảng viên</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>The file is larger than a package can be ({size} MB).</source>
        <translation>Tệp lớn hơn mức cho phép của một gói ({size} MB).</translation>
    </message>
    <message>
        <source>This is not a chibo package, or it is damaged at the start.</source>
        <translation>Đây không phải gói dữ liệu chibo, hoặc phần đầu tệp bị hỏng.</translation>
    </message>
    <message>
        <source>The package is damaged (its header cannot be read).</source>
        <translation>Gói bị hỏng (không đọc được phần đầu).</translation>
    </message>
    <message>
        <source>This package is locked with a passphrase: enter it.</source>
        <translation>Gói này được khóa bằng mật khẩu: hãy nhập mật khẩu.</translation>
    </message>
    <message>
        <source>This package is locked for an upper level&apos;s key, which this database does not have.</source>
        <translation>Gói này được khóa bằng khóa của cấp trên, mà cơ sở dữ liệu này không có.</translation>
    </message>
    <message>
        <source>The package cannot be opened: the passphrase or key is wrong, or the file was changed or cut short on the way.</source>
        <translation>Không mở được gói: mật khẩu hoặc khóa không đúng, hoặc tệp đã bị sửa, bị cắt cụt trên đường chuyển.</translation>
    </message>
    <message>
        <source>The package is damaged (its contents cannot be read).</source>
        <translation>Gói bị hỏng (không đọc được nội dung).</translation>
    </message>
    <message>
        <source>The package holds too many files.</source>
        <translation>Gói chứa quá nhiều tệp.</translation>
    </message>
    <message>
        <source>The package holds two files with the same name.</source>
        <translation>Gói chứa hai tệp trùng tên.</translation>
    </message>
    <message>
        <source>The package holds an unexpected file: {name}.</source>
        <translation>Gói chứa một tệp không được phép: {name}.</translation>
    </message>
    <message>
        <source>The package holds a file that unpacks far too large.</source>
        <translation>Gói chứa một tệp giải nén ra quá lớn.</translation>
    </message>
    <message>
        <source>The package is incomplete.</source>
        <translation>Gói không đầy đủ.</translation>
    </message>
    <message>
        <source>The package is signed with a key other than the one registered for this branch. It was refused; call the branch to check.</source>
        <translation>Gói được ký bằng khóa khác với khóa đã đăng ký của chi bộ này. Gói bị từ chối; hãy gọi điện cho chi bộ để kiểm tra.</translation>
    </message>
    <message>
        <source>The package&apos;s signature does not match: it was changed after it was made.</source>
        <translation>Chữ ký của gói không khớp: gói đã bị sửa sau khi lập.</translation>
    </message>
    <message>
        <source>The package was made by a newer version of the app (format {version}). Update the app to read it.</source>
        <translation>Gói được lập bằng phiên bản phần mềm mới hơn (định dạng {version}). Hãy cập nhật phần mềm để đọc.</translation>
    </message>
    <message>
        <source>The package&apos;s contents do not match its manifest.</source>
        <translation>Nội dung gói không khớp với bảng kê.</translation>
    </message>
    <message>
        <source>The package could not be written to {folder}: {reason}. Check that the drive is plugged in and not full.</source>
        <translation>Không ghi được gói vào {folder}: {reason}. Hãy kiểm tra ổ đã cắm và còn chỗ trống.</translation>
    </message>
    <message>
        <source>The package on {folder} does not read back as written. Do not remove the drive yet; write it again.</source>
        <translation>Gói trên {folder} đọc lại không đúng như đã ghi. Chưa rút ổ; hãy ghi lại.</translation>
    </message>
    <message>
        <source>This is not a receipt from the upper level, or it is damaged.</source>
        <translation>Đây không phải giấy báo nhận của cấp trên, hoặc tệp bị hỏng.</translation>
    </message>
    <message>
        <source>The receipt is signed by another key than the upper level&apos;s. It was refused.</source>
        <translation>Giấy báo nhận được ký bằng khóa khác với khóa của cấp trên. Giấy báo nhận bị từ chối.</translation>
    </message>
    <message>
        <source>a unit</source>
        <translation>một đơn vị</translation>
    </message>
    <message>
        <source>a hamlet or cell</source>
        <translation>một ấp hoặc tổ đảng</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>một đảng viên</translation>
    </message>
    <message>
        <source>a member&apos;s status event</source>
        <translation>một sự kiện trong quá trình của đảng viên</translation>
    </message>
    <message>
        <source>a party card number</source>
        <translation>một số thẻ đảng viên</translation>
    </message>
    <message>
        <source>a meeting or a line of its minutes</source>
        <translation>một buổi sinh hoạt hoặc một dòng trong biên bản của buổi đó</translation>
    </message>
    <message>
        <source>a fund</source>
        <translation>một quỹ</translation>
    </message>
    <message>
        <source>a loan</source>
        <translation>một khoản vay</translation>
    </message>
    <message>
        <source>a fund entry</source>
        <translation>một bút toán quỹ</translation>
    </message>
    <message>
        <source>a member&apos;s yearly review</source>
        <translation>kết quả đánh giá, xếp loại của một đảng viên</translation>
    </message>
    <message>
        <source>a branch&apos;s yearly rating</source>
        <translation>kết quả xếp loại của một chi bộ</translation>
    </message>
    <message>
        <source>a commendation or discipline</source>
        <translation>một quyết định khen thưởng hoặc kỷ luật</translation>
    </message>
    <message>
        <source>Choose how to lock the package: a passphrase, or the upper level&apos;s key.</source>
        <translation>Hãy chọn cách khóa gói: mật khẩu, hoặc khóa của cấp trên.</translation>
    </message>
    <message>
        <source>A passphrase needs at least 8 characters.</source>
        <translation>Mật khẩu cần ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <source>That is not an upper level&apos;s key. Copy it again from “chibo keys show” there.</source>
        <translation>Đó không phải khóa của cấp trên. Hãy sao chép lại từ lệnh “chibo keys show” ở máy cấp trên.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Đã hủy; chưa ghi gì.</translation>
    </message>
    <message>
        <source>The file {name} could not be read: {reason}.</source>
        <translation>Không đọc được tệp {name}: {reason}.</translation>
    </message>
    <message>
        <source>This is the first package from {branch}. Call the branch and compare its key&apos;s fingerprint, {fingerprint}, character by character; import it only once they match.</source>
        <translation>Đây là gói đầu tiên của {branch}. Hãy gọi điện cho chi bộ và so sánh từng ký tự dấu vân tay khóa của chi bộ, {fingerprint}; chỉ nhập gói khi hai bên khớp nhau.</translation>
    </message>
    <message>
        <source>Already imported: nothing changed.</source>
        <translation>Đã nhập trước đây: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Set up this database&apos;s own organisation before importing packages.</source>
        <translation>Hãy thiết lập tổ chức của cơ sở dữ liệu này trước khi nhập gói.</translation>
    </message>
    <message>
        <source>This package (number {sequence}) is older than one already imported from {branch} (number {last}). It was refused.</source>
        <translation>Gói này (số {sequence}) cũ hơn gói đã nhập của {branch} (số {last}). Gói bị từ chối.</translation>
    </message>
    <message>
        <source>The package clashes with records already here ({what}). It was refused and nothing was written; call the sender to check.</source>
        <translation>Gói dữ liệu trùng lặp với bản ghi đã có ở đây ({what}). Gói bị từ chối, không có gì được ghi; hãy gọi cho nơi gửi để kiểm tra.</translation>
    </message>
    <message>
        <source>This receipt is for a package this database did not write.</source>
        <translation>Giấy báo nhận này dành cho một gói không phải do máy này lập.</translation>
    </message>
    <message>
        <source>This is the first receipt from {upper}. Call the upper level and compare its key&apos;s fingerprint, {fingerprint}, character by character; accept the receipt only once they match.</source>
        <translation>Đây là giấy báo nhận đầu tiên của {upper}. Hãy gọi điện cho cấp trên và so sánh từng ký tự dấu vân tay khóa của cấp trên, {fingerprint}; chỉ nhận giấy báo khi hai bên khớp nhau.</translation>
    </message>
    <message>
        <source>Receipt: {upper} received package {sequence} on {date}. Ready to record.</source>
        <translation>Giấy báo nhận: {upper} đã nhận gói số {sequence} ngày {date}. Sẵn sàng ghi nhận.</translation>
    </message>
    <message>
        <source>Already recorded: {upper} received package {sequence} on {date}. Nothing to do.</source>
        <translation>Đã ghi nhận trước đây: {upper} đã nhận gói số {sequence} ngày {date}. Không cần làm gì thêm.</translation>
    </message>
    <message>
        <source>Package {sequence} was received by {upper} on {date}.</source>
        <translation>Gói số {sequence} đã được {upper} nhận ngày {date}.</translation>
    </message>
    <message>
        <source>This file could not be taken in because of an error in the app; nothing of it was written. The details are in the log.</source>
        <translation>Không nhận được tệp này do lỗi của phần mềm; không có gì của tệp được ghi. Chi tiết có trong nhật ký lỗi.</translation>
    </message>
    <message>
        <source>The package refers to {what} that is neither in the package nor here. It was refused and nothing was written; call the sender to check.</source>
        <translation>Gói dữ liệu nhắc tới {what} không có trong gói và cũng không có ở đây. Gói bị từ chối, không có gì được ghi; hãy gọi cho nơi gửi để kiểm tra.</translation>
    </message>
    <message>
        <source>The package holds {what} that this database keeps for {unit}. A unit may send only its own records and those of the units under it: the package was refused and nothing was written. Call the sender to check.</source>
        <translation>Gói dữ liệu có {what} mà cơ sở dữ liệu này đang giữ cho {unit}. Mỗi đơn vị chỉ được gửi bản ghi của chính mình và của các đơn vị trực thuộc: gói bị từ chối, không có gì được ghi. Hãy gọi cho nơi gửi để kiểm tra.</translation>
    </message>
    <message>
        <source>This package from {branch} carries only what changed after its package number {since}, and no package from {branch} was taken in here yet. It was refused and nothing was written. Ask the branch to write a package with “Send every record” ticked, and import that one.</source>
        <translation>Gói này của {branch} chỉ mang những gì thay đổi sau gói số {since} của chi bộ, mà máy này chưa nhận gói nào của {branch}. Gói đã bị từ chối, không có gì được ghi. Hãy đề nghị chi bộ ghi gói mới có đánh dấu “Gửi toàn bộ hồ sơ”, rồi nhập gói đó.</translation>
    </message>
    <message>
        <source>This package from {branch} carries only what changed after its package number {since}, but the last package from {branch} taken in here is number {last}. It was refused and nothing was written. Ask the branch to write a package with “Send every record” ticked, and import that one (or import package number {since} first, if you have it and it opens here).</source>
        <translation>Gói này của {branch} chỉ mang những gì thay đổi sau gói số {since} của chi bộ, nhưng gói gần nhất của {branch} đã nhập vào máy này là gói số {last}. Gói đã bị từ chối, không có gì được ghi. Hãy đề nghị chi bộ ghi gói mới có đánh dấu “Gửi toàn bộ hồ sơ”, rồi nhập gói đó (hoặc nhập gói số {since} trước, nếu có gói đó và máy này mở được).</translation>
    </message>
    <message>
        <source>The package was not written: the record at {where} cannot travel as it is ({problem}). Correct it and write the package again.</source>
        <translation>Chưa ghi gói dữ liệu: bản ghi tại {where} không gửi đi được như hiện tại ({problem}). Hãy sửa bản ghi đó rồi ghi lại gói.</translation>
    </message>
    <message>
        <source>a field is missing</source>
        <translation>thiếu một trường</translation>
    </message>
    <message>
        <source>it must be text</source>
        <translation>phải là chữ</translation>
    </message>
    <message>
        <source>it holds control, direction or invisible characters</source>
        <translation>có ký tự điều khiển, ký tự đổi chiều chữ hoặc ký tự vô hình</translation>
    </message>
    <message>
        <source>it does not have the expected form</source>
        <translation>không đúng dạng quy định</translation>
    </message>
    <message>
        <source>it is not one of the allowed values</source>
        <translation>không phải một giá trị được phép</translation>
    </message>
    <message>
        <source>it must be a real date written YYYY-MM-DD</source>
        <translation>phải là một ngày có thật, viết dạng YYYY-MM-DD</translation>
    </message>
    <message>
        <source>it must be a time written YYYY-MM-DDTHH:MM:SS</source>
        <translation>phải là thời điểm viết dạng YYYY-MM-DDTHH:MM:SS</translation>
    </message>
    <message>
        <source>it must be true or false</source>
        <translation>phải là true hoặc false</translation>
    </message>
    <message>
        <source>it must be a UUID</source>
        <translation>phải là một mã UUID</translation>
    </message>
    <message>
        <source>it must be a record with named fields</source>
        <translation>phải là một bản ghi có các trường được đặt tên</translation>
    </message>
    <message>
        <source>it must be empty or a list of scores</source>
        <translation>phải để trống hoặc là bảng điểm</translation>
    </message>
    <message>
        <source>the same record appears twice</source>
        <translation>một bản ghi xuất hiện hai lần</translation>
    </message>
    <message>
        <source>it refers to a record that is not in the package</source>
        <translation>nhắc tới một bản ghi không có trong gói</translation>
    </message>
    <message>
        <source>it is not valid JSON text</source>
        <translation>không phải văn bản JSON hợp lệ</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>lồng nhau quá sâu</translation>
    </message>
    <message>
        <source>the counts do not match the records</source>
        <translation>số lượng không khớp với các bản ghi</translation>
    </message>
    <message>
        <source>the sending branch is not among its units</source>
        <translation>chi bộ gửi không có trong danh sách đơn vị</translation>
    </message>
    <message>
        <source>the unit is not under the sending branch</source>
        <translation>đơn vị không trực thuộc chi bộ gửi</translation>
    </message>
    <message>
        <source>it is not a PDF file</source>
        <translation>không phải tệp PDF</translation>
    </message>
    <message>
        <source>it is longer than {count} characters</source>
        <translation>dài quá {count} ký tự</translation>
    </message>
    <message>
        <source>it must be a whole number from {low} to {high}</source>
        <translation>phải là số nguyên từ {low} đến {high}</translation>
    </message>
    <message>
        <source>it holds a field that does not belong there ({name})</source>
        <translation>có một trường không thuộc về chỗ đó ({name})</translation>
    </message>
    <message>
        <source>it must be a list of at most {count} records</source>
        <translation>phải là danh sách không quá {count} bản ghi</translation>
    </message>
    <message>
        <source>The package was refused: its {where} is not as the format requires ({problem}). Nothing was written. Ask the sender to write the package again with the app.</source>
        <translation>Gói dữ liệu bị từ chối: phần {where} không đúng quy cách ({problem}). Không có gì được ghi. Hãy đề nghị nơi gửi ghi lại gói bằng phần mềm.</translation>
    </message>
    <message>
        <source>{name} ({megabytes} MB free)</source>
        <translation>{name} (còn trống {megabytes} MB)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Send the data to the upper level</source>
        <translation>Gửi dữ liệu lên cấp trên</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>Ghi vào</translation>
    </message>
    <message>
        <source>Lock with a passphrase (tell it to the upper level separately)</source>
        <translation>Khóa bằng mật khẩu (báo mật khẩu cho cấp trên bằng đường khác)</translation>
    </message>
    <message>
        <source>Lock with the upper level&apos;s key</source>
        <translation>Khóa bằng khóa của cấp trên</translation>
    </message>
    <message>
        <source>paste the key shown by the upper level&apos;s app</source>
        <translation>dán khóa do phần mềm ở cấp trên hiển thị</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Nhập lại</translation>
    </message>
    <message>
        <source>Upper level&apos;s key</source>
        <translation>Khóa của cấp trên</translation>
    </message>
    <message>
        <source>Also carry the approved minutes as PDFs</source>
        <translation>Gửi kèm các biên bản đã thông qua (PDF)</translation>
    </message>
    <message>
        <source>Send every record (only when the upper level asks for it)</source>
        <translation>Gửi toàn bộ hồ sơ (chỉ khi cấp trên đề nghị)</translation>
    </message>
    <message>
        <source>The upper level confirmed package {sequence}: {upper} received it on {date}.</source>
        <translation>Cấp trên đã xác nhận gói số {sequence}: {upper} nhận ngày {date}.</translation>
    </message>
    <message>
        <source>No receipt from the upper level yet.</source>
        <translation>Chưa có giấy báo nhận của cấp trên.</translation>
    </message>
    <message>
        <source>Its receipt brought its key, chosen above: no passphrase is needed.</source>
        <translation>Giấy báo nhận đã mang theo khóa của cấp trên (đã chọn ở trên): không cần mật khẩu.</translation>
    </message>
    <message>
        <source>Write the package</source>
        <translation>Ghi gói dữ liệu</translation>
    </message>
    <message>
        <source>Choose where to write the package: the USB stick, or a folder (Choose a folder…).</source>
        <translation>Hãy chọn nơi ghi gói: ổ USB, hoặc một thư mục (Chọn thư mục…).</translation>
    </message>
    <message>
        <source>Type a passphrase (at least 8 characters), then type it again below.</source>
        <translation>Hãy gõ mật khẩu (ít nhất 8 ký tự), rồi gõ lại ở ô bên dưới.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>Mật khẩu cần ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <source>Type the passphrase again in “Repeat it”.</source>
        <translation>Hãy gõ lại mật khẩu ở ô “Nhập lại”.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>Hai lần nhập mật khẩu khác nhau. Hãy nhập lại.</translation>
    </message>
    <message>
        <source>Paste the upper level&apos;s key (shown by the app there), or lock with a passphrase.</source>
        <translation>Hãy dán khóa của cấp trên (do phần mềm ở cấp trên hiển thị), hoặc khóa bằng mật khẩu.</translation>
    </message>
    <message>
        <source>Writing and checking…</source>
        <translation>Đang ghi và kiểm tra…</translation>
    </message>
    <message>
        <source>Writing the package… {percent}%</source>
        <translation>Đang ghi gói dữ liệu… {percent}%</translation>
    </message>
    <message>
        <source>Wrote {name} (package {sequence}) and read it back: done, the drive can be removed safely.</source>
        <translation>Đã ghi {name} (gói số {sequence}) và đọc lại để kiểm tra: xong, có thể rút ổ an toàn.</translation>
    </message>
    <message>
        <source>It carries what changed since package {since}, which the upper level confirmed: {records}.</source>
        <translation>Gói chỉ mang những gì thay đổi từ sau gói số {since} mà cấp trên đã xác nhận: {records}.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed record(s)</source>
        <translation>
            <numerusform>%n hồ sơ thay đổi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Folder</name>
    <message>
        <source>The folder {folder} does not exist. Plug in the drive or choose another folder.</source>
        <translation>Thư mục {folder} không tồn tại. Hãy cắm ổ đĩa vào hoặc chọn thư mục khác.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Some fields on this tab need attention.</source>
        <translation>Một số ô trong thẻ này cần sửa lại.</translation>
    </message>
</context>
<context>
    <name>Fund</name>
    <message>
        <source>The branch&apos;s own revolving capital</source>
        <translation>Vốn quay vòng của chi bộ</translation>
    </message>
    <message>
        <source>Capital entrusted by the upper level</source>
        <translation>Vốn cấp trên ủy thác</translation>
    </message>
    <message>
        <source>Capital entrusted by a mass organisation</source>
        <translation>Vốn đoàn thể ủy thác (như Quỹ Hỗ trợ nông dân)</translation>
    </message>
    <message>
        <source>Support fund for poor members</source>
        <translation>Quỹ hỗ trợ đảng viên nghèo</translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation>Nguồn vốn không rõ</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Đóng góp</translation>
    </message>
    <message>
        <source>Capital received</source>
        <translation>Nhận vốn</translation>
    </message>
    <message>
        <source>Capital returned</source>
        <translation>Hoàn trả vốn</translation>
    </message>
    <message>
        <source>Disbursed</source>
        <translation>Giải ngân</translation>
    </message>
    <message>
        <source>Principal repaid</source>
        <translation>Thu nợ gốc</translation>
    </message>
    <message>
        <source>Interest or fee</source>
        <translation>Thu lãi, phí</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Xóa nợ</translation>
    </message>
    <message>
        <source>Unknown entry</source>
        <translation>Bút toán không rõ</translation>
    </message>
    <message>
        <source>A reversal cannot itself be reversed; post a new entry instead.</source>
        <translation>Bút toán đảo không thể đảo lại; hãy ghi một bút toán mới.</translation>
    </message>
    <message>
        <source>This entry has already been reversed.</source>
        <translation>Bút toán này đã được đảo.</translation>
    </message>
    <message>
        <source>The fund would not have enough cash on {date}: it would be {amount} đồng short.</source>
        <translation>Quỹ sẽ không đủ tiền vào ngày {date}: thiếu {amount} đồng.</translation>
    </message>
    <message>
        <source>Reverse the loan&apos;s repayments before its disbursement.</source>
        <translation>Hãy đảo các khoản thu nợ của món vay trước khi đảo khoản giải ngân.</translation>
    </message>
    <message>
        <source>This loan is not in this fund.</source>
        <translation>Món vay này không thuộc quỹ này.</translation>
    </message>
    <message>
        <source>The amount must be more than 0 đồng.</source>
        <translation>Số tiền phải lớn hơn 0 đồng.</translation>
    </message>
    <message>
        <source>This loan has already been paid out.</source>
        <translation>Món vay này đã được giải ngân.</translation>
    </message>
    <message>
        <source>A loan cannot be paid out before it was approved.</source>
        <translation>Không thể giải ngân trước ngày món vay được duyệt.</translation>
    </message>
    <message>
        <source>This loan has nothing left to repay on that date.</source>
        <translation>Vào ngày đó món vay không còn dư nợ.</translation>
    </message>
    <message>
        <source>A repayment cannot come before the loan was paid out.</source>
        <translation>Không thể thu nợ trước ngày giải ngân.</translation>
    </message>
    <message>
        <source>That is more than is owed: at most {amount} đồng.</source>
        <translation>Số tiền vượt quá số còn nợ: tối đa {amount} đồng.</translation>
    </message>
    <message>
        <source>A write-off needs the number of the decision that allows it.</source>
        <translation>Xóa nợ phải có số quyết định cho phép.</translation>
    </message>
    <message>
        <source>This entry is not in this fund.</source>
        <translation>Bút toán này không thuộc quỹ này.</translation>
    </message>
    <message>
        <source>Some fields need attention; see the messages beside them.</source>
        <translation>Một số ô cần được sửa; xem thông báo bên cạnh từng ô.</translation>
    </message>
    <message>
        <source>Write the date of the entry.</source>
        <translation>Hãy ghi ngày của bút toán.</translation>
    </message>
    <message>
        <source>This fund no longer exists.</source>
        <translation>Quỹ này không còn trong dữ liệu.</translation>
    </message>
    <message>
        <source>Enter the fund&apos;s name.</source>
        <translation>Hãy nhập tên quỹ.</translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation>Hãy chọn một trong các giá trị có sẵn.</translation>
    </message>
    <message>
        <source>The maximum cannot be negative.</source>
        <translation>Mức cho vay tối đa không thể âm.</translation>
    </message>
    <message>
        <source>A term is 1 to 120 months.</source>
        <translation>Thời hạn từ 1 đến 120 tháng.</translation>
    </message>
    <message>
        <source>The rate is 0 for an interest-free fund, otherwise 0,01 to 10 % a month.</source>
        <translation>Quỹ không lãi thì lãi suất là 0; còn lại từ 0,01 đến 10 %/tháng.</translation>
    </message>
    <message>
        <source>The opening capital cannot be negative.</source>
        <translation>Vốn ban đầu không thể là số âm.</translation>
    </message>
    <message>
        <source>Write the date the opening capital came in.</source>
        <translation>Hãy ghi ngày nhận vốn ban đầu.</translation>
    </message>
    <message>
        <source>Choose the member who borrows.</source>
        <translation>Hãy chọn đảng viên vay.</translation>
    </message>
    <message>
        <source>Write the hardship the loan helps with.</source>
        <translation>Hãy ghi hoàn cảnh khó khăn của người vay.</translation>
    </message>
    <message>
        <source>This fund lends at most {amount} đồng.</source>
        <translation>Quỹ này cho vay tối đa {amount} đồng.</translation>
    </message>
    <message>
        <source>Enter the date the loan was approved.</source>
        <translation>Hãy nhập ngày duyệt cho vay.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Ngày này chưa đến.</translation>
    </message>
    <message>
        <source>Name the meeting that approved the loan, or the decision number.</source>
        <translation>Hãy ghi buổi sinh hoạt đã duyệt cho vay, hoặc số quyết định.</translation>
    </message>
    <message>
        <source>The plan must add up to the amount lent: it adds up to {total} đồng.</source>
        <translation>Kế hoạch trả nợ phải bằng số tiền vay: hiện cộng lại được {total} đồng.</translation>
    </message>
    <message>
        <source>This meeting no longer exists; choose another.</source>
        <translation>Buổi sinh hoạt này không còn nữa; hãy chọn buổi khác.</translation>
    </message>
    <message>
        <source>The loan was approved at the meeting of {day}: the approval date is the day of that meeting.</source>
        <translation>Khoản vay được duyệt tại buổi sinh hoạt ngày {day}: ngày duyệt là ngày của buổi sinh hoạt đó.</translation>
    </message>
    <message>
        <source>The borrower must be a member of the branch on the approval date.</source>
        <translation>Người vay phải là đảng viên của chi bộ vào ngày duyệt.</translation>
    </message>
    <message>
        <source>The plan of a loan already paid out cannot be changed.</source>
        <translation>Món vay đã giải ngân thì không sửa được kế hoạch trả nợ.</translation>
    </message>
    <message>
        <source>Write a whole number of đồng, for example 1,500,000.</source>
        <translation>Hãy ghi số tiền tròn đồng, ví dụ 1.500.000.</translation>
    </message>
    <message>
        <source>Write the rate as a number, for example 0.7.</source>
        <translation>Hãy ghi lãi suất là một số, ví dụ 0,7.</translation>
    </message>
</context>
<context>
    <name>FundDialog</name>
    <message>
        <source>Fund</source>
        <translation>Quỹ</translation>
    </message>
    <message>
        <source>New fund</source>
        <translation>Quỹ mới</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Support given, not lent (a grant)</source>
        <translation>Hỗ trợ không hoàn lại (không phải cho vay)</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>Interest-free</source>
        <translation>Không lãi</translation>
    </message>
    <message>
        <source>Monthly rate on the amount lent</source>
        <translation>Lãi tháng tính trên số tiền vay</translation>
    </message>
    <message>
        <source>Monthly rate on the principal still owed</source>
        <translation>Lãi tháng tính trên dư nợ gốc</translation>
    </message>
    <message>
        <source>Equal principal every month</source>
        <translation>Trả gốc đều hằng tháng</translation>
    </message>
    <message>
        <source>All at the end of the term</source>
        <translation>Trả gốc một lần cuối kỳ</translation>
    </message>
    <message>
        <source>Opening capital (đồng)</source>
        <translation>Vốn ban đầu (đồng)</translation>
    </message>
    <message>
        <source>Date it came in</source>
        <translation>Ngày nhận vốn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Source of the capital</source>
        <translation>Nguồn vốn</translation>
    </message>
    <message>
        <source>Custodian</source>
        <translation>Người quản lý quỹ</translation>
    </message>
    <message>
        <source>Largest loan (đồng)</source>
        <translation>Mức vay tối đa (đồng)</translation>
    </message>
    <message>
        <source>Usual term (months)</source>
        <translation>Thời hạn thường (tháng)</translation>
    </message>
    <message>
        <source>Interest or fee</source>
        <translation>Thu lãi, phí</translation>
    </message>
    <message>
        <source>Rate (% a month)</source>
        <translation>Lãi suất (%/tháng)</translation>
    </message>
    <message>
        <source>Repayment plan</source>
        <translation>Kế hoạch trả nợ</translation>
    </message>
    <message>
        <source>Written as the first line of the fund&apos;s book: {kind}. Capital added later: “Capital in or out…”.</source>
        <translation>Ghi thành dòng đầu tiên của sổ quỹ: {kind}. Vốn góp thêm về sau: nút “Thu, chi vốn…”.</translation>
    </message>
</context>
<context>
    <name>FundsWidget</name>
    <message>
        <source>Approved, not paid out</source>
        <translation>Đã duyệt, chưa giải ngân</translation>
    </message>
    <message>
        <source>Being repaid</source>
        <translation>Đang trả nợ</translation>
    </message>
    <message>
        <source>Repaid</source>
        <translation>Đã trả xong</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Xóa nợ</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Đã hỗ trợ</translation>
    </message>
    <message>
        <source>New fund…</source>
        <translation>Quỹ mới…</translation>
    </message>
    <message>
        <source>Fund terms…</source>
        <translation>Điều kiện của quỹ…</translation>
    </message>
    <message>
        <source>Capital in or out…</source>
        <translation>Thu, chi vốn…</translation>
    </message>
    <message>
        <source>New loan…</source>
        <translation>Cho vay…</translation>
    </message>
    <message>
        <source>Repayment…</source>
        <translation>Thu nợ…</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>Giải ngân</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>Xóa nợ…</translation>
    </message>
    <message>
        <source>Reverse the entry…</source>
        <translation>Đảo bút toán…</translation>
    </message>
    <message>
        <source>Print the statement…</source>
        <translation>In báo cáo quỹ…</translation>
    </message>
    <message>
        <source>Print the borrower&apos;s ledger…</source>
        <translation>In sổ vay của người vay…</translation>
    </message>
    <message>
        <source>Choose a loan that is being repaid in the list of loans.</source>
        <translation>Hãy chọn một món vay đang trả nợ trong danh sách các món vay.</translation>
    </message>
    <message>
        <source>Choose an approved loan that is not paid out yet in the list of loans.</source>
        <translation>Hãy chọn một món vay đã duyệt nhưng chưa giải ngân trong danh sách các món vay.</translation>
    </message>
    <message>
        <source>Choose a loan in the list of loans.</source>
        <translation>Hãy chọn một món vay trong danh sách các món vay.</translation>
    </message>
    <message>
        <source>Choose a journal line that has not been reversed.</source>
        <translation>Hãy chọn một bút toán chưa bị đảo trong sổ quỹ.</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>Quỹ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn vốn</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tồn quỹ</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Dư nợ</translation>
    </message>
    <message>
        <source>Loans being repaid</source>
        <translation>Số món đang vay</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>Giải ngân</translation>
    </message>
    <message>
        <source>Principal repaid</source>
        <translation>Thu nợ gốc</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Các món vay</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>Người ghi, lúc</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Sổ quỹ</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Báo cáo quỹ</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Nhóm quá hạn</translation>
    </message>
    <message>
        <source>the year</source>
        <translation>cả năm</translation>
    </message>
    <message>
        <source>Reversal: </source>
        <translation>Đảo: </translation>
    </message>
    <message>
        <source> (reversed)</source>
        <translation> (đã đảo)</translation>
    </message>
    <message>
        <source>Outstanding principal by age of the oldest late payment: 1–30 days {a}; 31–90 days {b}; 91–180 days {c}; over 180 days {d}. PAR30 (outstanding of loans more than 30 days late ÷ all outstanding): {par30}.</source>
        <translation>Dư nợ theo số ngày quá hạn của kỳ trả chậm nhất: 1–30 ngày {a}; 31–90 ngày {b}; 91–180 ngày {c}; trên 180 ngày {d}. PAR30 (dư nợ của các món quá hạn trên 30 ngày ÷ tổng dư nợ): {par30}.</translation>
    </message>
    <message>
        <source>No fund yet. Create one with “New fund…”.</source>
        <translation>Chưa có quỹ nào. Hãy tạo bằng nút “Quỹ mới…”.</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>Số dư đầu kỳ</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Đóng góp</translation>
    </message>
    <message>
        <source>Capital received</source>
        <translation>Nhận vốn</translation>
    </message>
    <message>
        <source>Capital returned</source>
        <translation>Hoàn trả vốn</translation>
    </message>
    <message>
        <source>Interest and fees</source>
        <translation>Thu lãi, phí</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>Số dư cuối kỳ</translation>
    </message>
    <message>
        <source>The statement reconciles.</source>
        <translation>Số liệu cân đối.</translation>
    </message>
    <message>
        <source>The statement does NOT reconcile — check the journal.</source>
        <translation>Số liệu KHÔNG cân đối — hãy kiểm tra sổ quỹ.</translation>
    </message>
    <message>
        <source>Loan fund</source>
        <translation>Quỹ hỗ trợ vay vốn</translation>
    </message>
    <message>
        <source>Choose a fund first.</source>
        <translation>Hãy chọn một quỹ trước.</translation>
    </message>
    <message>
        <source>{loans}, {amount}, {members}; written off {written}.</source>
        <translation>{loans}, {amount}, {members}; xóa nợ {written}.</translation>
    </message>
    <message numerus="yes">
        <source>{count} loan(s) paid out</source>
        <translation>
            <numerusform>{count} lượt vay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} member(s) helped</source>
        <translation>
            <numerusform>{count} đảng viên được hỗ trợ</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a loan in the list first.</source>
        <translation>Hãy chọn một món vay trong danh sách trước.</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>Xóa nợ</translation>
    </message>
    <message>
        <source>Number of the decision that allows the write-off:</source>
        <translation>Số quyết định cho phép xóa nợ:</translation>
    </message>
    <message>
        <source>Choose an entry in the journal first.</source>
        <translation>Hãy chọn một bút toán trong sổ quỹ trước.</translation>
    </message>
    <message>
        <source>Reverse the entry</source>
        <translation>Đảo bút toán</translation>
    </message>
    <message>
        <source>Why is it reversed? (the entry stays, a reversing entry is added)</source>
        <translation>Lý do đảo? (bút toán cũ giữ nguyên, ghi thêm bút toán đảo)</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <source>Branch: present / required</source>
        <translation>Chi bộ: có mặt / phải dự</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Tỷ lệ</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Find in the guide (no tone marks needed)</source>
        <translation>Tìm trong hướng dẫn (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <translation>{current}/{count}</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Pay up to the upper level — {month}</source>
        <translation>Nộp đảng phí lên cấp trên — tháng {month}</translation>
    </message>
    <message>
        <source>Amount paid up (đồng)</source>
        <translation>Số tiền nộp (đồng)</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Paid up in the book of this month</source>
        <translation>Đã nộp cấp trên trong sổ tháng này</translation>
    </message>
    <message>
        <source>Undo the chosen handover…</source>
        <translation>Đảo khoản nộp đã chọn…</translation>
    </message>
    <message>
        <source>Collected in {month}: {collected}; kept by the branch {kept}; the upper level&apos;s share {upper}. Still to pay up by the end of {month}: {to_pay}.</source>
        <translation>Đã thu tháng {month}: {collected}; chi bộ giữ lại {kept}; phần nộp cấp trên {upper}. Còn phải nộp đến hết tháng {month}: {to_pay}.</translation>
    </message>
    <message>
        <source>Choose a handover in the list first.</source>
        <translation>Hãy chọn một khoản nộp trong danh sách trước.</translation>
    </message>
    <message>
        <source>Undo a handover</source>
        <translation>Đảo khoản nộp cấp trên</translation>
    </message>
    <message>
        <source>Why is it undone?</source>
        <translation>Lý do đảo?</translation>
    </message>
</context>
<context>
    <name>Holdings</name>
    <message numerus="yes">
        <source>{count} member(s)</source>
        <translation>
            <numerusform>{count} đảng viên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} meeting(s)</source>
        <translation>
            <numerusform>{count} cuộc họp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} loan(s)</source>
        <translation>
            <numerusform>{count} khoản vay</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Holiday</name>
    <message>
        <source>Write the day off as dd/mm/yyyy.</source>
        <translation>Ghi ngày nghỉ theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>Name the holiday, e.g. Nghỉ bù Quốc khánh.</source>
        <translation>Ghi tên ngày nghỉ, ví dụ Nghỉ bù Quốc khánh.</translation>
    </message>
    <message>
        <source>The holiday was not saved: some fields need attention.</source>
        <translation>Chưa lưu ngày nghỉ: có ô cần sửa.</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Public holidays</source>
        <translation>Ngày nghỉ lễ</translation>
    </message>
    <message>
        <source>Days off that are not weekends. The 30 working days to consider a probationary member are counted without them. The list comes from the published calendar (Tết by the lunar calendar); add a day the government moves or adds, or remove one.</source>
        <translation>Những ngày nghỉ không phải thứ Bảy, Chủ nhật. Thời hạn 30 ngày làm việc để xét công nhận đảng viên chính thức được tính không kể các ngày này. Danh sách lấy theo lịch nghỉ đã công bố (Tết theo âm lịch); thêm ngày Chính phủ cho nghỉ bù hoặc đổi ngày, hoặc bỏ một ngày.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Ngày lễ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>e.g. Nghỉ bù Quốc khánh</source>
        <translation>ví dụ Nghỉ bù Quốc khánh</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Add the day</source>
        <translation>Thêm ngày nghỉ</translation>
    </message>
    <message>
        <source>Remove the chosen day</source>
        <translation>Bỏ ngày đã chọn</translation>
    </message>
    <message>
        <source>published calendar</source>
        <translation>lịch đã công bố</translation>
    </message>
    <message>
        <source>entered here</source>
        <translation>nhập tại đây</translation>
    </message>
    <message>
        <source>Choose a day in the list first.</source>
        <translation>Hãy chọn một ngày trong danh sách trước.</translation>
    </message>
    <message>
        <source>Remove the day?</source>
        <translation>Bỏ ngày nghỉ này?</translation>
    </message>
    <message>
        <source>Remove {day} ({name}) from the holidays? It becomes a working day.</source>
        <translation>Bỏ ngày {day} ({name}) khỏi danh sách ngày nghỉ? Ngày này sẽ được tính là ngày làm việc.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The file {name} does not exist.</source>
        <translation>Không có tệp {name}.</translation>
    </message>
    <message>
        <source>The file has more than {count} rows.</source>
        <translation>Tệp có hơn {count} dòng.</translation>
    </message>
    <message>
        <source>{name} has no sheet to read (the part holding it is missing): the file is damaged. Open it in Excel and save it again, or save it as CSV.</source>
        <translation>{name} không có trang tính nào để đọc (thiếu phần chứa trang tính): tệp đã bị hỏng. Hãy mở tệp bằng Excel rồi lưu lại, hoặc lưu thành CSV.</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text. Save it from Excel as “CSV UTF-8”.</source>
        <translation>{name} không phải văn bản UTF-8. Hãy lưu lại từ Excel với kiểu “CSV UTF-8”.</translation>
    </message>
    <message>
        <source>The Vietnamese letters of {name} are in an old encoding (not Unicode), and they read as Vietnamese both in TCVN3 (ABC, .VnTime) and in VNI, differently: the app cannot tell which is right, so nothing was read. Convert the file to Unicode first (in Unikey: Công cụ chuyển mã, choosing the source encoding you know it was typed in), or open it in Excel and save it as “CSV UTF-8”.</source>
        <translation>Chữ tiếng Việt trong tệp {name} được gõ bằng bảng mã cũ (không phải Unicode), và đọc theo cả TCVN3 (ABC, .VnTime) lẫn VNI đều ra tiếng Việt nhưng khác nhau: chương trình không thể biết cách nào đúng nên chưa đọc gì. Hãy chuyển tệp sang Unicode trước (trong Unikey: Công cụ chuyển mã, chọn đúng bảng mã nguồn đã dùng khi gõ), hoặc mở tệp bằng Excel và lưu lại dạng “CSV UTF-8”.</translation>
    </message>
    <message>
        <source>{name} could not be read as CSV near row {line} (a quote left open, or a character that does not belong in text). Open it in Excel and save it again as “CSV UTF-8”.</source>
        <translation>Không đọc được {name} dưới dạng CSV ở gần dòng {line} (có dấu ngoặc kép chưa đóng, hoặc ký tự không thuộc văn bản). Hãy mở tệp bằng Excel rồi lưu lại với kiểu “CSV UTF-8”.</translation>
    </message>
    <message>
        <source>Only .xlsx and .csv files can be imported, not “{suffix}”.</source>
        <translation>Chỉ nhập được tệp .xlsx và .csv, không nhập được “{suffix}”.</translation>
    </message>
    <message>
        <source>No heading row with a “Họ và tên” column was found in the first 10 rows of {name}.</source>
        <translation>Không tìm thấy dòng tiêu đề có cột “Họ và tên” trong 10 dòng đầu của {name}.</translation>
    </message>
    <message>
        <source>The file has no column for: {columns}.</source>
        <translation>Tệp thiếu cột: {columns}.</translation>
    </message>
    <message>
        <source>“{value}” is not a date (use dd/mm/yyyy).</source>
        <translation>“{value}” không phải là ngày (hãy viết ngày/tháng/năm).</translation>
    </message>
    <message>
        <source>Transferred in: the file gives no date of transfer, so {date} (the last Party date known) is used; correct it in the member&apos;s history if needed.</source>
        <translation>Chuyển đến: tệp không ghi ngày chuyển đến, nên lấy ngày {date} (ngày gần nhất trong quá trình vào Đảng); nếu cần, hãy sửa trong quá trình của đảng viên.</translation>
    </message>
    <message>
        <source>Row {line}, column “{column}”: character {position} is a hidden or control character ({code}), which the upper level refuses. Delete it in the file (retype the cell) and open the file again.</source>
        <translation>Hàng {line}, cột “{column}”: ký tự thứ {position} là ký tự ẩn hoặc ký tự điều khiển ({code}), cấp trên không nhận. Hãy xóa ký tự đó trong tệp (gõ lại ô này) rồi mở lại tệp.</translation>
    </message>
    <message>
        <source>A member with ID number {cccd} is already in the roster.</source>
        <translation>Đảng viên có số CCCD {cccd} đã có trong danh sách.</translation>
    </message>
    <message>
        <source>The same ID number is on row {line} of this file.</source>
        <translation>Số CCCD này trùng với dòng {line} của tệp.</translation>
    </message>
    <message>
        <source>A member with the same name and date of birth is already in the roster.</source>
        <translation>Đã có đảng viên cùng họ tên và ngày sinh trong danh sách.</translation>
    </message>
    <message>
        <source>The same name and date of birth are on row {line} of this file.</source>
        <translation>Họ tên và ngày sinh này trùng với dòng {line} của tệp.</translation>
    </message>
    <message>
        <source>The roster changed since the preview ({name} is now there). Nothing was imported; open the file again.</source>
        <translation>Danh sách đã thay đổi từ lúc xem trước ({name} nay đã có). Chưa nhập gì cả; hãy mở lại tệp.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Đã hủy; chưa nhập đảng viên nào.</translation>
    </message>
    <message>
        <source>{name} is not a whole Excel workbook (.xlsx): it is damaged or cut short, or it is another kind of file. Open it in Excel and save it again as .xlsx, or save it as CSV.</source>
        <translation>{name} không phải một tệp Excel (.xlsx) nguyên vẹn: tệp bị hỏng, bị cắt cụt, hoặc là loại tệp khác. Hãy mở tệp bằng Excel rồi lưu lại thành .xlsx, hoặc lưu thành CSV.</translation>
    </message>
    <message>
        <source>{name}: a cell on row {line} holds more than {limit} characters, more than Excel allows in a cell. Nothing was imported; correct that cell and try again.</source>
        <translation>{name}: một ô ở dòng {line} dài hơn {limit} ký tự, quá giới hạn Excel cho phép trong một ô. Chưa nhập gì; hãy sửa ô đó rồi thử lại.</translation>
    </message>
    <message>
        <source>{name}: a cell holds more than {limit} characters, more than Excel allows in a cell. Nothing was imported; correct that cell and try again.</source>
        <translation>{name}: có một ô dài hơn {limit} ký tự, quá giới hạn Excel cho phép trong một ô. Chưa nhập gì; hãy sửa ô đó rồi thử lại.</translation>
    </message>
    <message>
        <source>{name} is larger than a roster can be ({size} MB at most). Check that this is the right file; a roster saved again from Excel, or as CSV, is much smaller.</source>
        <translation>{name} lớn hơn mức một danh sách đảng viên có thể có (tối đa {size} MB). Hãy kiểm tra lại có đúng tệp không; danh sách lưu lại từ Excel, hoặc lưu thành CSV, nhỏ hơn nhiều.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than a roster can hold ({size} MB in one part at most). It may be damaged or made to harm the computer; nothing was read. Save the roster again from Excel, or as CSV.</source>
        <translation>Khi giải nén, {name} lớn hơn mức một danh sách đảng viên có thể có (tối đa {size} MB cho mỗi phần). Tệp có thể bị hỏng hoặc được tạo ra để phá hoại máy tính; chưa đọc gì. Hãy lưu lại danh sách từ Excel, hoặc lưu thành CSV.</translation>
    </message>
    <message>
        <source>{name} declares XML entities (a DOCTYPE), which a workbook saved by Excel never does: it may be made to harm the computer. Nothing was read. Save the roster again from Excel, or as CSV.</source>
        <translation>{name} có khai báo thực thể XML (DOCTYPE), điều mà tệp lưu từ Excel không bao giờ có: tệp có thể được tạo ra để phá hoại máy tính. Chưa đọc gì. Hãy lưu lại danh sách từ Excel, hoặc lưu thành CSV.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import members from {name}</source>
        <translation>Nhập đảng viên từ {name}</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <source>Add them to the branch&apos;s cells</source>
        <translation>Thêm các tổ này vào chi bộ</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Tổ đảng</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Admitted on</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Official on</source>
        <translation>Ngày chính thức</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>{standing}, transferred in</source>
        <translation>{standing}, chuyển đến</translation>
    </message>
    <message>
        <source>{standing}, transferred in {date}</source>
        <translation>{standing}, chuyển đến {date}</translation>
    </message>
    <message>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <source>new, in a new cell</source>
        <translation>mới, thuộc tổ mới</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>trùng</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>The file&apos;s Vietnamese letters were typed in an old encoding, {encoding}; they have been converted to Unicode. Check the names below before importing.</source>
        <translation>Chữ tiếng Việt trong tệp được gõ bằng bảng mã cũ {encoding}; chương trình đã chuyển sang Unicode. Hãy kiểm tra lại họ tên trong bảng dưới đây trước khi nhập.</translation>
    </message>
    <message numerus="yes">
        <source>The file names cells that the branch&apos;s setup does not have: {cells} ({count} new member(s)).</source>
        <translation>
            <numerusform>Tệp có các tổ đảng chưa có trong thiết lập của chi bộ: {cells} ({count} đảng viên mới).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import {count} new member(s)</source>
        <translation>
            <numerusform>Nhập {count} đảng viên mới</numerusform>
        </translation>
    </message>
    <message>
        <source>{new} new, {duplicate} already in the roster, {error} with errors. Only the new rows are imported, all together; correct the others in the file and import it again.</source>
        <translation>{new} dòng mới, {duplicate} dòng đã có trong danh sách, {error} dòng có lỗi. Chỉ các dòng mới được nhập, cùng một lần; hãy sửa các dòng khác trong tệp rồi nhập lại.</translation>
    </message>
    <message numerus="yes">
        <source>Importing {done} of {total} member(s)…</source>
        <translation>
            <numerusform>Đang nhập {done}/{total} đảng viên…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {count} member(s).</source>
        <translation>
            <numerusform>Đã nhập {count} đảng viên.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cells added: {cells}.</source>
        <translation>Đã thêm các tổ: {cells}.</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>This computer&apos;s keys</source>
        <translation>Khóa của máy này</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>Dấu vân tay khóa ký</translation>
    </message>
    <message>
        <source>Key for branches to lock packages to</source>
        <translation>Khóa để các chi bộ khóa gói gửi lên</translation>
    </message>
    <message>
        <source>Its fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Sao chép khóa</translation>
    </message>
    <message>
        <source>The upper level compares this fingerprint with you by phone when it takes in your first package.</source>
        <translation>Cấp trên sẽ gọi điện so dấu vân tay này với đồng chí khi nhận gói đầu tiên của chi bộ.</translation>
    </message>
    <message>
        <source>Key copied. Send it to the branches: they paste it in “Upper level&apos;s key” when sending.</source>
        <translation>Đã chép khóa. Gửi khóa này cho các chi bộ: khi gửi dữ liệu, chi bộ dán vào ô “Khóa của cấp trên”.</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <source>New loan from {fund}</source>
        <translation>Cho vay từ {fund}</translation>
    </message>
    <message>
        <source>e.g. Nhà bị sạt lở</source>
        <translation>ví dụ Nhà bị sạt lở</translation>
    </message>
    <message>
        <source>(approved by a decision)</source>
        <translation>(duyệt bằng quyết định)</translation>
    </message>
    <message>
        <source>e.g. 05-NQ/CB</source>
        <translation>ví dụ 05-NQ/CB</translation>
    </message>
    <message>
        <source>Pay the money out now</source>
        <translation>Giải ngân ngay</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Người vay</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>Hoàn cảnh khó khăn</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích vay</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>Thời hạn (tháng)</translation>
    </message>
    <message>
        <source>Rate (% a month)</source>
        <translation>Lãi suất (%/tháng)</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Ngày duyệt</translation>
    </message>
    <message>
        <source>The day of the meeting chosen above</source>
        <translation>Ngày của buổi sinh hoạt chọn ở trên</translation>
    </message>
    <message>
        <source>Approved at the meeting</source>
        <translation>Duyệt tại buổi sinh hoạt</translation>
    </message>
    <message>
        <source>or by decision number</source>
        <translation>hoặc theo số quyết định</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Người, cơ quan duyệt</translation>
    </message>
    <message>
        <source>Pay-out date</source>
        <translation>Ngày giải ngân</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn trả</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Gốc</translation>
    </message>
    <message>
        <source>Interest or fee</source>
        <translation>Thu lãi, phí</translation>
    </message>
    <message>
        <source>Repayment plan (the principal can be changed before paying out)</source>
        <translation>Kế hoạch trả nợ (có thể sửa tiền gốc trước khi giải ngân)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Branch records — {name}</source>
        <translation>Hồ sơ chi bộ — {name}</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Nhắc việc</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Sinh hoạt chi bộ</translation>
    </message>
    <message>
        <source>Loan fund</source>
        <translation>Quỹ hỗ trợ vay vốn</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Loading the roster…</source>
        <translation>Đang tải danh sách…</translation>
    </message>
    <message>
        <source>Party dues</source>
        <translation>Đảng phí</translation>
    </message>
    <message>
        <source>Yearly review</source>
        <translation>Đánh giá, xếp loại</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Phát triển đảng viên</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Hồ sơ trùng</translation>
    </message>
    <message>
        <source>Opening the records…</source>
        <translation>Đang mở hồ sơ…</translation>
    </message>
    <message>
        <source>&amp;New member…</source>
        <translation>&amp;Thêm đảng viên…</translation>
    </message>
    <message>
        <source>&amp;Open member</source>
        <translation>&amp;Mở hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>&amp;Nhập danh sách…</translation>
    </message>
    <message>
        <source>Branch &amp;setup…</source>
        <translation>&amp;Thiết lập chi bộ…</translation>
    </message>
    <message>
        <source>&amp;Rules and thresholds…</source>
        <translation>&amp;Quy định và ngưỡng…</translation>
    </message>
    <message>
        <source>&amp;Terms (nhiệm kỳ)…</source>
        <translation>&amp;Nhiệm kỳ…</translation>
    </message>
    <message>
        <source>Public &amp;holidays…</source>
        <translation>Ngày &amp;nghỉ lễ…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Tìm</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Back up to a folder or USB stick…</source>
        <translation>&amp;Sao lưu ra thư mục hoặc USB…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>&amp;Log of changes…</source>
        <translation>&amp;Nhật ký thay đổi…</translation>
    </message>
    <message>
        <source>Pass&amp;word on opening…</source>
        <translation>&amp;Mật khẩu mở chương trình…</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>Đảng &amp;viên</translation>
    </message>
    <message>
        <source>M&amp;eetings</source>
        <translation>S&amp;inh hoạt</translation>
    </message>
    <message>
        <source>New &amp;meeting…</source>
        <translation>Ghi buổi &amp;sinh hoạt mới…</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>&amp;Trao đổi dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Send the data to the upper level…</source>
        <translation>&amp;Gửi dữ liệu lên cấp trên…</translation>
    </message>
    <message>
        <source>&amp;Take in the branches&apos; packages…</source>
        <translation>&amp;Nhận dữ liệu của các chi bộ…</translation>
    </message>
    <message>
        <source>This computer&apos;s &amp;keys…</source>
        <translation>&amp;Khóa của máy này…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Chính</translation>
    </message>
    <message>
        <source>Records of the branches — {name}</source>
        <translation>Hồ sơ các chi bộ — {name}</translation>
    </message>
    <message>
        <source>&amp;Take in the upper level&apos;s receipt…</source>
        <translation>&amp;Nhận giấy báo nhận của cấp trên…</translation>
    </message>
    <message>
        <source>Counting the members and working out the reminders…</source>
        <translation>Đang đếm số đảng viên và tính các việc cần nhắc…</translation>
    </message>
    <message>
        <source>The members could not be counted: see the Members tab</source>
        <translation>Không đếm được số đảng viên: xem thẻ Đảng viên</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>Hồ sơ trùng ({count})</translation>
    </message>
    <message>
        <source>Import members</source>
        <translation>Nhập danh sách đảng viên</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Bảng tính (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>chibo-desktop {version}
Records of a Party branch, kept on this computer.</source>
        <translation>chibo-desktop {version}
Hồ sơ chi bộ, lưu trên máy tính này.</translation>
    </message>
</context>
<context>
    <name>MarkLetter</name>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <source>E</source>
        <translation>P</translation>
    </message>
    <message>
        <source>U</source>
        <translation>K</translation>
    </message>
    <message>
        <source>e</source>
        <translation>m</translation>
    </message>
    <message>
        <source>a</source>
        <translation>v</translation>
    </message>
    <message>
        <source>d</source>
        <translation>c</translation>
    </message>
</context>
<context>
    <name>Meeting</name>
    <message>
        <source>Regular</source>
        <translation>Thường kỳ</translation>
    </message>
    <message>
        <source>Thematic</source>
        <translation>Chuyên đề</translation>
    </message>
    <message>
        <source>Regular and thematic</source>
        <translation>Thường kỳ kết hợp chuyên đề</translation>
    </message>
    <message>
        <source>Extraordinary</source>
        <translation>Bất thường</translation>
    </message>
    <message>
        <source>Unknown kind</source>
        <translation>Không rõ loại</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Đến muộn</translation>
    </message>
    <message>
        <source>Absent with reason</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Absent without reason</source>
        <translation>Vắng không lý do</translation>
    </message>
    <message>
        <source>Not required: exempted</source>
        <translation>Không phải dự: miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Not required: temporarily away</source>
        <translation>Không phải dự: tạm vắng</translation>
    </message>
    <message>
        <source>Not required: special duty</source>
        <translation>Không phải dự: đi công tác</translation>
    </message>
    <message>
        <source>Unknown mark</source>
        <translation>Không rõ</translation>
    </message>
    <message>
        <source>Guest {n}: {problem}</source>
        <translation>Khách mời {n}: {problem}</translation>
    </message>
    <message>
        <source>Agenda item {n}: {problem}</source>
        <translation>Nội dung {n}: {problem}</translation>
    </message>
    <message>
        <source>Resolution {n}: {problem}</source>
        <translation>Nghị quyết {n}: {problem}</translation>
    </message>
    <message>
        <source>Assignment {n}: {problem}</source>
        <translation>Phân công {n}: {problem}</translation>
    </message>
    <message>
        <source>The reason given for {name}: {problem}</source>
        <translation>Lý do vắng của {name}: {problem}</translation>
    </message>
    <message>
        <source>Choose the kind of meeting.</source>
        <translation>Hãy chọn loại buổi sinh hoạt.</translation>
    </message>
    <message>
        <source>Enter the date of the meeting.</source>
        <translation>Hãy nhập ngày sinh hoạt.</translation>
    </message>
    <message>
        <source>Write the time as 19:30.</source>
        <translation>Hãy viết giờ theo dạng 19:30.</translation>
    </message>
    <message>
        <source>The meeting must end after it starts.</source>
        <translation>Giờ kết thúc phải sau giờ bắt đầu.</translation>
    </message>
    <message>
        <source>Enter the topic of the thematic meeting.</source>
        <translation>Hãy nhập chủ đề sinh hoạt chuyên đề.</translation>
    </message>
    <message>
        <source>Choose a member on this meeting&apos;s list.</source>
        <translation>Hãy chọn một đảng viên có trong danh sách buổi sinh hoạt.</translation>
    </message>
    <message>
        <source>Write the reason of each absence with reason: {names}.</source>
        <translation>Hãy ghi lý do vắng của: {names}.</translation>
    </message>
    <message>
        <source>Resolution {n}: votes cannot be negative.</source>
        <translation>Nghị quyết {n}: số phiếu không thể âm.</translation>
    </message>
    <message>
        <source>Resolution {n}: enter how many members were entitled to vote, beside the votes.</source>
        <translation>Nghị quyết {n}: nhập số đảng viên có quyền biểu quyết, bên cạnh số phiếu.</translation>
    </message>
    <message>
        <source>Resolution {n}: more votes than members entitled to vote.</source>
        <translation>Nghị quyết {n}: số phiếu nhiều hơn số đảng viên có quyền biểu quyết.</translation>
    </message>
    <message>
        <source>Each assignment needs a member on the list and a task.</source>
        <translation>Mỗi phân công cần một đảng viên trong danh sách và nội dung công việc.</translation>
    </message>
    <message>
        <source>Check the scores: each is between 0 and its maximum.</source>
        <translation>Hãy kiểm tra điểm: mỗi mục từ 0 đến điểm tối đa.</translation>
    </message>
    <message>
        <source>Write the time it started, e.g. 19:30.</source>
        <translation>Ghi giờ bắt đầu, ví dụ 19:30.</translation>
    </message>
    <message>
        <source>Write the time it ended, e.g. 21:15.</source>
        <translation>Ghi giờ kết thúc, ví dụ 21:15.</translation>
    </message>
    <message>
        <source>Some fields need attention; see the messages beside them.</source>
        <translation>Một số ô cần được sửa; xem thông báo bên cạnh từng ô.</translation>
    </message>
    <message>
        <source>This meeting no longer exists.</source>
        <translation>Buổi sinh hoạt này không còn trong dữ liệu.</translation>
    </message>
    <message>
        <source>The minutes of this meeting were approved and cannot be changed. Add an addendum instead.</source>
        <translation>Biên bản buổi sinh hoạt này đã được thông qua, không thể sửa. Hãy lập phụ lục đính chính.</translation>
    </message>
    <message>
        <source>The minutes cannot be approved before the meeting ({date}): write that day or later.</source>
        <translation>Không thể thông qua biên bản trước ngày họp ({date}): hãy ghi ngày đó hoặc sau đó.</translation>
    </message>
    <message>
        <source>The approval date cannot be in the future: write today ({date}) or earlier.</source>
        <translation>Ngày thông qua không thể ở tương lai: hãy ghi hôm nay ({date}) hoặc trước đó.</translation>
    </message>
    <message>
        <source>Write why the minutes are corrected.</source>
        <translation>Hãy ghi lý do đính chính biên bản.</translation>
    </message>
    <message>
        <source>Write the correction.</source>
        <translation>Hãy ghi nội dung đính chính.</translation>
    </message>
    <message>
        <source>Only approved minutes take an addendum; edit the meeting instead.</source>
        <translation>Chỉ biên bản đã thông qua mới lập phụ lục; biên bản chưa thông qua thì sửa trực tiếp.</translation>
    </message>
    <message>
        <source>Enter the topic.</source>
        <translation>Hãy nhập chủ đề.</translation>
    </message>
    <message>
        <source>A quarter is 1, 2, 3 or 4.</source>
        <translation>Quý là 1, 2, 3 hoặc 4.</translation>
    </message>
    <message>
        <source>Enter the day the minutes were approved.</source>
        <translation>Hãy nhập ngày thông qua biên bản.</translation>
    </message>
    <message>
        <source>The minutes must state when the meeting started and ended: write both times on the General tab, then click Approve the minutes again.</source>
        <translation>Biên bản phải ghi giờ bắt đầu và giờ kết thúc buổi sinh hoạt: ghi vào thẻ Thông tin chung, rồi bấm Thông qua biên bản lần nữa.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>New meeting</source>
        <translation>Buổi sinh hoạt mới</translation>
    </message>
    <message>
        <source>Meeting of {date}</source>
        <translation>Buổi sinh hoạt ngày {date}</translation>
    </message>
    <message>
        <source>Kept by the branch: this meeting came in its package and can only be read here. Changes and addenda are made at the branch.</source>
        <translation>Do chi bộ quản lý: buổi sinh hoạt này đến từ gói dữ liệu của chi bộ và ở đây chỉ được xem. Việc sửa đổi và đính chính làm tại chi bộ.</translation>
    </message>
    <message>
        <source>The minutes were approved on {date}; the meeting can no longer be changed. Corrections go in an addendum.</source>
        <translation>Biên bản đã được thông qua ngày {date}; buổi sinh hoạt không thể sửa nữa. Nội dung đính chính ghi vào phụ lục.</translation>
    </message>
    <message>
        <source>Attendance list</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Approve the minutes</source>
        <translation>Thông qua biên bản</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Xem trước và in…</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>giờ:phút</translation>
    </message>
    <message>
        <source>e.g. 12-BB/CB</source>
        <translation>ví dụ 12-BB/CB</translation>
    </message>
    <message>
        <source>(not from the year&apos;s plan)</source>
        <translation>(không theo kế hoạch năm)</translation>
    </message>
    <message>
        <source>Q{q}: {title}</source>
        <translation>Quý {q}: {title}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Minutes number</source>
        <translation>Số biên bản</translation>
    </message>
    <message>
        <source>Thematic topic</source>
        <translation>Chủ đề chuyên đề</translation>
    </message>
    <message>
        <source>From the year&apos;s plan</source>
        <translation>Theo kế hoạch năm</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Khách mời</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Guests (e.g. the upper-level committee member)</source>
        <translation>Khách mời (ví dụ cấp ủy viên cấp trên dự)</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Nội dung sinh hoạt</translation>
    </message>
    <message>
        <source>Resolutions and votes</source>
        <translation>Nghị quyết và biểu quyết</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Nghị quyết</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Tán thành</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Không tán thành</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <source>Entitled to vote</source>
        <translation>Số có quyền biểu quyết</translation>
    </message>
    <message>
        <source>Assignments (members given a task)</source>
        <translation>Phân công nhiệm vụ cho đảng viên</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Due (dd/mm/yyyy)</source>
        <translation>Thời hạn (ngày/tháng/năm)</translation>
    </message>
    <message>
        <source>Add an assignment</source>
        <translation>Thêm phân công</translation>
    </message>
    <message>
        <source>Resolutions and tasks</source>
        <translation>Nghị quyết, phân công</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Chấm điểm</translation>
    </message>
    <message>
        <source>Addenda</source>
        <translation>Phụ lục đính chính</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Nội dung đính chính</translation>
    </message>
    <message>
        <source>Add the addendum</source>
        <translation>Thêm phụ lục</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Saved. Before the minutes are approved, write the times the meeting started and ended.</source>
        <translation>Đã lưu. Trước khi thông qua biên bản, ghi giờ bắt đầu và giờ kết thúc buổi sinh hoạt.</translation>
    </message>
    <message>
        <source>There are changes not saved yet.</source>
        <translation>Có thay đổi chưa lưu.</translation>
    </message>
    <message>
        <source>The minutes of the meeting of {date} are approved and locked; corrections now go in an addendum.</source>
        <translation>Đã thông qua và khóa biên bản buổi sinh hoạt ngày {date}; từ nay đính chính bằng phụ lục.</translation>
    </message>
</context>
<context>
    <name>MeetingsWidget</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>Tất cả chi bộ</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>Ghi buổi sinh hoạt mới…</translation>
    </message>
    <message>
        <source>Print the minutes…</source>
        <translation>In biên bản…</translation>
    </message>
    <message>
        <source>Thematic plan…</source>
        <translation>Kế hoạch chuyên đề…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Present / required</source>
        <translation>Có mặt / phải dự</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Sinh hoạt chi bộ</translation>
    </message>
    <message>
        <source>Choose a meeting in the list first.</source>
        <translation>Hãy chọn một buổi sinh hoạt trong danh sách trước.</translation>
    </message>
    <message>
        <source>x present · L late · E absent with reason · U absent without reason · e exempted · a temporarily away · d special duty</source>
        <translation>x có mặt · M đến muộn · P vắng có lý do · K vắng không lý do · m miễn sinh hoạt · v tạm vắng · c đi công tác</translation>
    </message>
    <message>
        <source>Attendance register</source>
        <translation>Sổ theo dõi sinh hoạt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã thông qua</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>chưa thông qua</translation>
    </message>
    <message>
        <source>Regular meeting of {month}</source>
        <translation>Sinh hoạt thường kỳ tháng {month}</translation>
    </message>
    <message>
        <source>Extraordinary meeting of {date}</source>
        <translation>Sinh hoạt bất thường ngày {date}</translation>
    </message>
    <message>
        <source>Q{q}</source>
        <translation>Quý {q}</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Số buổi</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Thường kỳ</translation>
    </message>
    <message>
        <source>Thematic</source>
        <translation>Chuyên đề</translation>
    </message>
    <message>
        <source>Average ratio</source>
        <translation>Tỷ lệ bình quân</translation>
    </message>
    <message>
        <source>Upper-level guests</source>
        <translation>Lượt cấp trên dự</translation>
    </message>
    <message>
        <source>Members assigned tasks</source>
        <translation>Đảng viên được phân công</translation>
    </message>
    <message>
        <source>Meeting of {date}: {present}/{required} present ({ratio}), below the bar.</source>
        <translation>Buổi sinh hoạt ngày {date}: {present}/{required} có mặt ({ratio}), dưới ngưỡng yêu cầu.</translation>
    </message>
    <message>
        <source>{name}: absent without reason in {count} months — the branch may propose removal (the upper level decides).</source>
        <translation>{name}: vắng không lý do {count} tháng — chi bộ có thể đề nghị xóa tên (cấp trên quyết định).</translation>
    </message>
    <message>
        <source>{name}: absent {count} times in a row.</source>
        <translation>{name}: vắng {count} lần liên tiếp.</translation>
    </message>
    <message numerus="yes">
        <source>No regular meeting in month(s): {months}.</source>
        <translation>
            <numerusform>Không sinh hoạt thường kỳ tháng: {months}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No thematic meeting in quarter(s): {quarters}.</source>
        <translation>
            <numerusform>Không sinh hoạt chuyên đề quý: {quarters}.</numerusform>
        </translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Không có cảnh báo.</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
</context>
<context>
    <name>Member</name>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>This member no longer exists.</source>
        <translation>Đảng viên này không còn trong dữ liệu.</translation>
    </message>
    <message>
        <source>Probation ended on {ends}, long ago, and no recognition as official nor any other outcome is recorded. If the member was recognised, record the event “Recognised as official” with its date and decision number (the “History” tab, “Record an event…”); if not, ask the upper level&apos;s committee how it was settled (struck off, transferred…) and record that.</source>
        <translation>Thời kỳ dự bị đã hết từ ngày {ends}, đã lâu mà chưa ghi việc công nhận chính thức hay kết quả nào khác. Nếu đảng viên đã được công nhận, hãy ghi sự kiện “Công nhận đảng viên chính thức” với ngày và số quyết định (thẻ “Quá trình”, nút “Ghi sự kiện…”); nếu chưa, hãy hỏi cấp ủy cấp trên xem đã giải quyết thế nào (xóa tên, chuyển đi…) rồi ghi lại.</translation>
    </message>
    <message>
        <source>Probation ended on {ends}, long ago, and there is no official date. If the member was recognised as official, enter “Recognised official on” and the decision number; if not, ask the upper level&apos;s committee how it was settled (struck off, transferred…) and record that in the member&apos;s history once saved.</source>
        <translation>Thời kỳ dự bị đã hết từ ngày {ends}, đã lâu mà chưa có ngày chính thức. Nếu đảng viên đã được công nhận chính thức, hãy nhập “Ngày chính thức” và số quyết định; nếu chưa, hãy hỏi cấp ủy cấp trên xem đã giải quyết thế nào (xóa tên, chuyển đi…) rồi ghi vào quá trình của đảng viên sau khi lưu.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>New member</source>
        <translation>Thêm đảng viên</translation>
    </message>
    <message>
        <source>Member: {name}</source>
        <translation>Đảng viên: {name}</translation>
    </message>
    <message>
        <source>Kept by {branch}: this record came in its package and can only be read here. Changes are made at the branch.</source>
        <translation>Do {branch} quản lý: hồ sơ này đến từ gói dữ liệu của chi bộ và ở đây chỉ được xem. Việc sửa đổi làm tại chi bộ.</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Chưa có ảnh</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>Chọn ảnh…</translation>
    </message>
    <message>
        <source>Full name *</source>
        <translation>Họ và tên *</translation>
    </message>
    <message>
        <source>e.g. Nguyễn Thị Ngọc Bích</source>
        <translation>ví dụ Nguyễn Thị Ngọc Bích</translation>
    </message>
    <message>
        <source>Birth name</source>
        <translation>Họ tên khai sinh</translation>
    </message>
    <message>
        <source>Gender *</source>
        <translation>Giới tính *</translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation>Ngày sinh *</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Nơi ở hiện nay</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>e.g. Không, Phật giáo</source>
        <translation>ví dụ Không, Phật giáo</translation>
    </message>
    <message>
        <source>ID number (CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Nghề nghiệp</translation>
    </message>
    <message>
        <source>Hamlet / cell</source>
        <translation>Tổ đảng / ấp</translation>
    </message>
    <message>
        <source>Party record</source>
        <translation>Quá trình vào Đảng</translation>
    </message>
    <message>
        <source>Admitted by this branch</source>
        <translation>Kết nạp tại chi bộ</translation>
    </message>
    <message>
        <source>Transferred in from another branch</source>
        <translation>Chuyển sinh hoạt từ nơi khác đến</translation>
    </message>
    <message>
        <source>Temporarily attached here</source>
        <translation>Sinh hoạt tạm thời tại chi bộ</translation>
    </message>
    <message>
        <source>Joined this branch</source>
        <translation>Sinh hoạt tại chi bộ do</translation>
    </message>
    <message>
        <source>Date joined this branch</source>
        <translation>Ngày đến sinh hoạt</translation>
    </message>
    <message>
        <source>Admission ceremony *</source>
        <translation>Ngày vào Đảng *</translation>
    </message>
    <message>
        <source>Admission decision number</source>
        <translation>Số quyết định kết nạp</translation>
    </message>
    <message>
        <source>Admission decision date</source>
        <translation>Ngày quyết định kết nạp</translation>
    </message>
    <message>
        <source>Recognised official on</source>
        <translation>Ngày chính thức</translation>
    </message>
    <message>
        <source>Official decision number</source>
        <translation>Số quyết định công nhận chính thức</translation>
    </message>
    <message>
        <source>Party card number</source>
        <translation>Số thẻ đảng viên</translation>
    </message>
    <message>
        <source>Biography number</source>
        <translation>Số lý lịch</translation>
    </message>
    <message>
        <source>e.g. 012345-ST</source>
        <translation>ví dụ 012345-ST</translation>
    </message>
    <message>
        <source>Party badge number</source>
        <translation>Số huy hiệu Đảng</translation>
    </message>
    <message>
        <source>Party badge date</source>
        <translation>Ngày nhận huy hiệu</translation>
    </message>
    <message>
        <source>Party position</source>
        <translation>Chức vụ Đảng</translation>
    </message>
    <message>
        <source>Government or mass-organisation position</source>
        <translation>Chức vụ chính quyền, đoàn thể</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Trình độ</translation>
    </message>
    <message>
        <source>General education</source>
        <translation>Giáo dục phổ thông</translation>
    </message>
    <message>
        <source>e.g. 12/12</source>
        <translation>ví dụ 12/12</translation>
    </message>
    <message>
        <source>Professional level</source>
        <translation>Chuyên môn, nghiệp vụ</translation>
    </message>
    <message>
        <source>Political theory</source>
        <translation>Lý luận chính trị</translation>
    </message>
    <message>
        <source>Foreign language</source>
        <translation>Ngoại ngữ</translation>
    </message>
    <message>
        <source>Informatics</source>
        <translation>Tin học</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Record an event…</source>
        <translation>Ghi sự kiện…</translation>
    </message>
    <message>
        <source>History is never changed: a mistake is corrected by recording a new event.</source>
        <translation>Quá trình không bao giờ bị sửa: nếu ghi nhầm, hãy ghi thêm một sự kiện mới để điều chỉnh.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Quá trình</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Branch proposed</source>
        <translation>Chi bộ đề nghị</translation>
    </message>
    <message>
        <source>Final level</source>
        <translation>Cấp ủy quyết định</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Yearly reviews</source>
        <translation>Đánh giá, xếp loại hằng năm</translation>
    </message>
    <message>
        <source>Commendations and discipline</source>
        <translation>Khen thưởng, kỷ luật</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Đánh giá, khen thưởng</translation>
    </message>
    <message>
        <source>Earlier card numbers: {numbers}</source>
        <translation>Số thẻ trước đây: {numbers}</translation>
    </message>
    <message>
        <source>Added {name} to the roster.</source>
        <translation>Đã thêm đảng viên {name} vào danh sách.</translation>
    </message>
    <message>
        <source>Saved the record of {name}.</source>
        <translation>Đã lưu hồ sơ đảng viên {name}.</translation>
    </message>
    <message>
        <source>Same name on the roster</source>
        <translation>Trùng tên trong danh sách</translation>
    </message>
    <message>
        <source>The roster already has {kept}. Is the member you are saving really another person?</source>
        <translation>Danh sách đã có {kept}. Người đang lưu có thật là một đảng viên khác không?</translation>
    </message>
    <message>
        <source>Save: another person</source>
        <translation>Lưu, là người khác</translation>
    </message>
    <message>
        <source>Go back and check</source>
        <translation>Quay lại kiểm tra</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>That file is not a picture this app can read. Choose a JPG or PNG file.</source>
        <translation>Tệp này không phải ảnh mà phần mềm đọc được. Hãy chọn tệp JPG hoặc PNG.</translation>
    </message>
</context>
<context>
    <name>MemberDuesDialog</name>
    <message>
        <source>How the dues are worked out</source>
        <translation>Cách tính đảng phí</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ tháng</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Căn cứ tính</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Vùng</translation>
    </message>
    <message>
        <source>mm/yyyy</source>
        <translation>tháng/năm</translation>
    </message>
    <message>
        <source>the social-insurance salary or the pension, in đồng</source>
        <translation>tiền lương đóng BHXH hoặc lương hưu, bằng đồng</translation>
    </message>
    <message>
        <source>The branch&apos;s region</source>
        <translation>Theo vùng của chi bộ</translation>
    </message>
    <message>
        <source>Region {name}</source>
        <translation>Vùng {name}</translation>
    </message>
    <message>
        <source>empty: the rate</source>
        <translation>để trống: theo mức quy định</translation>
    </message>
    <message>
        <source>From the month</source>
        <translation>Từ tháng</translation>
    </message>
    <message>
        <source>Base (đồng a month)</source>
        <translation>Căn cứ tính (đồng/tháng)</translation>
    </message>
    <message>
        <source>Minimum-wage region</source>
        <translation>Vùng lương tối thiểu</translation>
    </message>
    <message>
        <source>Pays by choice (đồng a month)</source>
        <translation>Tự nguyện đóng (đồng/tháng)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save from this month</source>
        <translation>Lưu, áp dụng từ tháng này</translation>
    </message>
    <message>
        <source>Exemptions and reductions (by decision)</source>
        <translation>Miễn, giảm (theo quyết định)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến tháng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Miễn</translation>
    </message>
    <message>
        <source>mm/yyyy (empty only for the social pension)</source>
        <translation>tháng/năm (chỉ để trống khi hưởng trợ cấp hưu trí xã hội)</translation>
    </message>
    <message>
        <source>Exempt or reduce</source>
        <translation>Miễn hoặc giảm</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>Từ tháng</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Đến tháng</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Ghi quyết định</translation>
    </message>
    <message>
        <source>End the chosen decision early…</source>
        <translation>Kết thúc sớm quyết định đã chọn…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Party dues — {name}</source>
        <translation>Đảng phí — {name}</translation>
    </message>
    <message>
        <source>Reduce by {percent}%</source>
        <translation>Giảm {percent}%</translation>
    </message>
    <message>
        <source> · pays {amount} by choice</source>
        <translation> · tự nguyện đóng {amount}</translation>
    </message>
    <message>
        <source>the branch&apos;s</source>
        <translation>theo chi bộ</translation>
    </message>
    <message>
        <source>−{percent}%</source>
        <translation>giảm {percent}%</translation>
    </message>
    <message>
        <source>Reversal: </source>
        <translation>Đảo: </translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation> (đã đảo)</translation>
    </message>
    <message>
        <source>The dues book has not started yet.</source>
        <translation>Sổ đảng phí chưa bắt đầu.</translation>
    </message>
    <message>
        <source>still owes {amount}</source>
        <translation>còn nợ {amount}</translation>
    </message>
    <message>
        <source>has paid ahead {amount}</source>
        <translation>đã đóng trước {amount}</translation>
    </message>
    <message>
        <source>has paid everything due</source>
        <translation>đã đóng đủ</translation>
    </message>
    <message>
        <source>{month}: due {due}; {owed}.</source>
        <translation>Tháng {month}: phải đóng {due}; {owed}.</translation>
    </message>
    <message>
        <source>Choose a decision in the list first.</source>
        <translation>Hãy chọn một quyết định trong danh sách trước.</translation>
    </message>
    <message>
        <source>End the decision early</source>
        <translation>Kết thúc sớm quyết định</translation>
    </message>
    <message>
        <source>Last month the decision covers (mm/yyyy):</source>
        <translation>Tháng cuối cùng quyết định còn áp dụng (tháng/năm):</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>Type part of the name (no tone marks needed)</source>
        <translation>Gõ một phần họ tên (không cần gõ dấu)</translation>
    </message>
    <message>
        <source>Loading the members…</source>
        <translation>Đang tải danh sách đảng viên…</translation>
    </message>
</context>
<context>
    <name>Month</name>
    <message>
        <source>Jan</source>
        <translation>T1</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>T3</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>T4</translation>
    </message>
    <message>
        <source>May</source>
        <translation>T5</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>T6</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>T7</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>T8</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>T9</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>T10</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>T11</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>T12</translation>
    </message>
</context>
<context>
    <name>Namesakes</name>
    <message>
        <source>{name} (born {born})</source>
        <translation>{name} (sinh {born})</translation>
    </message>
    <message>
        <source>{name} (Party card {card})</source>
        <translation>{name} (thẻ đảng {card})</translation>
    </message>
</context>
<context>
    <name>PackagesDialog</name>
    <message>
        <source>Take in the branches&apos; packages</source>
        <translation>Nhận dữ liệu của các chi bộ</translation>
    </message>
    <message>
        <source>Choose packages or receipts…</source>
        <translation>Chọn gói hoặc giấy báo nhận…</translation>
    </message>
    <message>
        <source>Choose the receipt…</source>
        <translation>Chọn giấy báo nhận…</translation>
    </message>
    <message>
        <source>Choose a folder (a stick with many branches)…</source>
        <translation>Chọn thư mục (ổ có gói của nhiều chi bộ)…</translation>
    </message>
    <message>
        <source>Choose a folder (the stick)…</source>
        <translation>Chọn thư mục (ổ USB)…</translation>
    </message>
    <message>
        <source>Passphrase (if the branch used one)</source>
        <translation>Mật khẩu (nếu chi bộ dùng mật khẩu)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nơi gửi</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Gói số</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Dấu vân tay của khóa</translation>
    </message>
    <message>
        <source>New / updated / unchanged</source>
        <translation>Mới / cập nhật / không đổi</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>A branch&apos;s first package registers its key: before importing, you will be asked to compare its fingerprint with the branch by phone.</source>
        <translation>Gói đầu tiên của một chi bộ sẽ đăng ký khóa của chi bộ: trước khi nhập, phần mềm sẽ đề nghị bạn so sánh dấu vân tay khóa với chi bộ qua điện thoại.</translation>
    </message>
    <message>
        <source>The upper level&apos;s receipt confirms which package it took in. The first one registers the upper level&apos;s key: before it is recorded, you will be asked to compare its fingerprint with the upper level by phone.</source>
        <translation>Giấy báo nhận của cấp trên xác nhận cấp trên đã nhận gói dữ liệu nào. Giấy báo nhận đầu tiên sẽ đăng ký khóa của cấp trên: trước khi ghi nhận, phần mềm sẽ đề nghị bạn so sánh dấu vân tay khóa với cấp trên qua điện thoại.</translation>
    </message>
    <message>
        <source>Check (nothing is written)</source>
        <translation>Kiểm tra (chưa ghi gì)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Record the receipt</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>Take in the upper level&apos;s receipt</source>
        <translation>Nhận giấy báo nhận của cấp trên</translation>
    </message>
    <message>
        <source>Packages and receipts (*.chibo *.chibo-ack);;Packages (*.chibo);;Receipts (*.chibo-ack)</source>
        <translation>Gói dữ liệu và giấy báo nhận (*.chibo *.chibo-ack);;Gói dữ liệu (*.chibo);;Giấy báo nhận (*.chibo-ack)</translation>
    </message>
    <message>
        <source>Receipts (*.chibo-ack);;Packages and receipts (*.chibo *.chibo-ack)</source>
        <translation>Giấy báo nhận (*.chibo-ack);;Gói dữ liệu và giấy báo nhận (*.chibo *.chibo-ack)</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Chưa kiểm tra</translation>
    </message>
    <message>
        <source>This is the first receipt from {sender}. Call the upper level and compare its key&apos;s fingerprint character by character:

{fingerprint}

Does it match?</source>
        <translation>Đây là giấy báo nhận đầu tiên của {sender}. Hãy gọi điện cho cấp trên và so sánh từng ký tự dấu vân tay khóa:

{fingerprint}

Dấu vân tay có khớp không?</translation>
    </message>
    <message>
        <source>This is the first package from {sender}. Call the branch and compare its key&apos;s fingerprint character by character:

{fingerprint}

Does it match?</source>
        <translation>Đây là gói đầu tiên của {sender}. Hãy gọi điện cho chi bộ và so sánh từng ký tự dấu vân tay khóa:

{fingerprint}

Dấu vân tay có khớp không?</translation>
    </message>
    <message>
        <source>Compare the key&apos;s fingerprint</source>
        <translation>So sánh dấu vân tay khóa</translation>
    </message>
    <message>
        <source>It matches: import</source>
        <translation>Khớp: nhập</translation>
    </message>
    <message>
        <source>It differs: do not import</source>
        <translation>Không khớp: không nhập</translation>
    </message>
    <message>
        <source>Checking package {done} of {total}…</source>
        <translation>Đang kiểm tra gói {done}/{total}…</translation>
    </message>
    <message>
        <source>Already imported: nothing changed.</source>
        <translation>Đã nhập trước đây: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>Sẵn sàng nhập</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>; a package is missing before this one</source>
        <translation>; thiếu một gói trước gói này</translation>
    </message>
    <message numerus="yes">
        <source>; {count} member(s) that another branch keeps wait for review (tab Conflicts)</source>
        <translation>
            <numerusform>; {count} đảng viên mà chi bộ khác đang lưu chờ xem xét (thẻ Hồ sơ trùng)</numerusform>
        </translation>
    </message>
    <message>
        <source>; the branch&apos;s receipt is written beside it: {name}</source>
        <translation>; đã ghi giấy báo nhận cho chi bộ bên cạnh gói: {name}</translation>
    </message>
    <message>
        <source> (new: compare by phone)</source>
        <translation> (mới: so sánh qua điện thoại)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password on opening the app</source>
        <translation>Mật khẩu mở chương trình</translation>
    </message>
    <message>
        <source>With a password, the app asks for it when it opens and after some minutes without use. It keeps others out of the app on a shared computer; keep the computer&apos;s own login locked too.</source>
        <translation>Khi có mật khẩu, chương trình sẽ hỏi mật khẩu lúc mở và sau một số phút không dùng. Mật khẩu giúp người khác không vào được chương trình trên máy dùng chung; hãy khóa cả tài khoản đăng nhập của máy.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>never</source>
        <translation>không bao giờ</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Khóa sau</translation>
    </message>
    <message>
        <source>Remove the password</source>
        <translation>Bỏ mật khẩu</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Thematic plan for {year}</source>
        <translation>Kế hoạch sinh hoạt chuyên đề năm {year}</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Số buổi</translation>
    </message>
    <message>
        <source>Any time in the year</source>
        <translation>Trong năm</translation>
    </message>
    <message>
        <source>Quarter {q}</source>
        <translation>Quý {q}</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>Chủ đề mới</translation>
    </message>
    <message>
        <source>A thematic meeting is linked to its topic in the meeting&apos;s “From the year&apos;s plan” field.</source>
        <translation>Buổi sinh hoạt chuyên đề được gắn với chủ đề ở ô “Theo kế hoạch năm” của buổi sinh hoạt.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>đã sinh hoạt</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preparing the preview…</source>
        <translation>Đang chuẩn bị bản xem trước…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lưu thành PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message numerus="yes">
        <source>{count} page(s)</source>
        <translation>
            <numerusform>{count} trang</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview could not be made: {reason}</source>
        <translation>Không tạo được bản xem trước: {reason}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Đã lưu {path}.</translation>
    </message>
    <message numerus="yes">
        <source>Sent {count} page(s) to the printer.</source>
        <translation>
            <numerusform>Đã gửi {count} trang tới máy in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>&amp;Print member list…</source>
        <translation>&amp;In danh sách đảng viên…</translation>
    </message>
    <message>
        <source>&amp;Export roster to Excel…</source>
        <translation>&amp;Xuất danh sách ra Excel…</translation>
    </message>
    <message>
        <source>&amp;Minutes of the chosen meeting…</source>
        <translation>&amp;Biên bản buổi sinh hoạt đang chọn…</translation>
    </message>
    <message>
        <source>&amp;Dues book of the year…</source>
        <translation>Sổ thu, nộp &amp;đảng phí của năm…</translation>
    </message>
    <message>
        <source>&amp;Blank minutes form…</source>
        <translation>&amp;Mẫu biên bản ghi tay…</translation>
    </message>
    <message>
        <source>Minutes &amp;book of the year…</source>
        <translation>&amp;Sổ biên bản cả năm…</translation>
    </message>
    <message>
        <source>Attendance &amp;register of the year…</source>
        <translation>Sổ &amp;theo dõi sinh hoạt cả năm…</translation>
    </message>
    <message>
        <source>&amp;Report of all branches…</source>
        <translation>&amp;Báo cáo tổng hợp các chi bộ…</translation>
    </message>
    <message>
        <source>Report of all branches to &amp;Excel…</source>
        <translation>Báo cáo tổng hợp ra &amp;Excel…</translation>
    </message>
    <message>
        <source>Preparing {title}…</source>
        <translation>Đang chuẩn bị {title}…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Đã lưu {path}.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Đã hủy; không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>Member list</source>
        <translation>Danh sách đảng viên</translation>
    </message>
    <message>
        <source>Print the minutes</source>
        <translation>In biên bản</translation>
    </message>
    <message>
        <source>Choose a meeting in the list first.</source>
        <translation>Hãy chọn một buổi sinh hoạt trong danh sách trước.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Blank minutes form</source>
        <translation>Mẫu biên bản ghi tay</translation>
    </message>
    <message>
        <source>Date of the meeting (dd/mm/yyyy):</source>
        <translation>Ngày sinh hoạt (ngày/tháng/năm):</translation>
    </message>
    <message>
        <source>Attendance register {year}</source>
        <translation>Sổ theo dõi sinh hoạt năm {year}</translation>
    </message>
    <message>
        <source>Laying out minutes {done} of {total}…</source>
        <translation>Đang dàn trang biên bản {done}/{total}…</translation>
    </message>
    <message>
        <source>Minutes book {year}</source>
        <translation>Sổ biên bản năm {year}</translation>
    </message>
    <message>
        <source>Laying out part {done} of {total} of the dues book…</source>
        <translation>Đang dàn trang phần {done} trên {total} của sổ đảng phí…</translation>
    </message>
    <message>
        <source>Dues book {year}</source>
        <translation>Sổ thu, nộp đảng phí năm {year}</translation>
    </message>
    <message>
        <source>Dues receipt</source>
        <translation>Biên lai thu đảng phí</translation>
    </message>
    <message>
        <source>Dues book to Excel</source>
        <translation>Xuất sổ đảng phí ra Excel</translation>
    </message>
    <message>
        <source>Fund statement, {period}</source>
        <translation>Báo cáo quỹ, {period}</translation>
    </message>
    <message>
        <source>Fund statement {year}</source>
        <translation>Báo cáo quỹ năm {year}</translation>
    </message>
    <message>
        <source>Loan ledger</source>
        <translation>Sổ theo dõi vay vốn</translation>
    </message>
    <message>
        <source>Yearly review {year}</source>
        <translation>Kết quả đánh giá, xếp loại năm {year}</translation>
    </message>
    <message>
        <source>Member&apos;s record of reviews</source>
        <translation>Phiếu theo dõi đánh giá, khen thưởng, kỷ luật</translation>
    </message>
    <message>
        <source>Charts {year}</source>
        <translation>Biểu đồ năm {year}</translation>
    </message>
    <message>
        <source>Log of changes</source>
        <translation>Nhật ký thay đổi</translation>
    </message>
    <message>
        <source>Report of all branches</source>
        <translation>Báo cáo tổng hợp các chi bộ</translation>
    </message>
    <message>
        <source>Preparing the branches&apos; figures for their first use: {done} of {total} units…</source>
        <translation>Đang chuẩn bị số liệu các chi bộ cho lần dùng đầu tiên: đơn vị {done}/{total}…</translation>
    </message>
    <message>
        <source>Adding up branch {done} of {total}…</source>
        <translation>Đang cộng chi bộ {done}/{total}…</translation>
    </message>
    <message numerus="yes">
        <source>Exported {count} member(s) to {path}.</source>
        <translation>
            <numerusform>Đã xuất {count} đảng viên ra {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Period (2026, 2026-Q2, 2026-05, a range 01/09/2020..30/06/2025 or a term&apos;s name):</source>
        <translation>Kỳ báo cáo (2026, 2026-Q2, 2026-05, một khoảng ngày 01/09/2020..30/06/2025 hoặc tên nhiệm kỳ):</translation>
    </message>
    <message>
        <source>
Terms set up: {names}</source>
        <translation>
Các nhiệm kỳ đã khai báo: {names}</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>Xuất danh sách</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>This meeting has no addendum to print.</source>
        <translation>Buổi sinh hoạt này không có phụ lục đính chính để in.</translation>
    </message>
    <message>
        <source>There is no member with id {id}.</source>
        <translation>Không có đảng viên nào mang mã {id}.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Kiểu tệp:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cắ&amp;t</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Dá&amp;n</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>Không lưu</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cắ&amp;t</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Dá&amp;n</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>RemindersWidget</name>
    <message>
        <source>Working out the reminders from every member&apos;s records…</source>
        <translation>Đang tính các việc cần nhắc từ hồ sơ của từng đảng viên…</translation>
    </message>
    <message>
        <source>Probationary members to consider for official status</source>
        <translation>Đảng viên dự bị cần xét công nhận chính thức</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Probation ends</source>
        <translation>Hết dự bị</translation>
    </message>
    <message>
        <source>Consider by</source>
        <translation>Xét trước ngày</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Party badge milestones</source>
        <translation>Đảng viên được tặng huy hiệu Đảng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Years of Party age</source>
        <translation>Số năm tuổi Đảng</translation>
    </message>
    <message>
        <source>Reached on</source>
        <translation>Đủ tuổi Đảng ngày</translation>
    </message>
    <message>
        <source>Party age counted from</source>
        <translation>Tính tuổi Đảng từ</translation>
    </message>
    <message>
        <source>The reminders could not be worked out because the members could not be counted: see the message on the Members tab.</source>
        <translation>Không tính được các việc cần nhắc vì không đếm được số đảng viên: xem thông báo ở thẻ Đảng viên.</translation>
    </message>
    <message>
        <source>Probation ends soon: prepare the papers</source>
        <translation>Sắp hết dự bị: chuẩn bị hồ sơ</translation>
    </message>
    <message>
        <source>Consider recognition now</source>
        <translation>Cần xét công nhận chính thức</translation>
    </message>
    <message>
        <source>Overdue: the 30-working-day window has passed</source>
        <translation>Quá hạn: đã quá 30 ngày làm việc</translation>
    </message>
    <message>
        <source>Probation ended long ago with no outcome recorded: record the recognition, or what happened instead, in the member&apos;s history</source>
        <translation>Hết dự bị đã lâu, chưa ghi kết quả: ghi việc công nhận chính thức, hoặc việc đã xảy ra, vào quá trình của đảng viên</translation>
    </message>
</context>
<context>
    <name>RepaymentDialog</name>
    <message>
        <source>Repayment: {name}</source>
        <translation>Thu nợ: {name}</translation>
    </message>
    <message>
        <source>{name}: loan of {amount} approved on {day}.</source>
        <translation>{name}: khoản vay {amount}, duyệt ngày {day}.</translation>
    </message>
    <message>
        <source>Owed: {outstanding} principal, {fees} interest or fee due. Fees due are paid first, then principal.</source>
        <translation>Còn nợ: gốc {outstanding}, lãi, phí đến hạn {fees}. Trả lãi, phí đến hạn trước, rồi mới trả gốc.</translation>
    </message>
    <message>
        <source>Amount (đồng)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>{fee} interest or fee, {principal} principal</source>
        <translation>lãi, phí {fee}; gốc {principal}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. The data as it is now is kept as a backup first, so a restore can itself be undone.</source>
        <translation>Chọn bản sao lưu muốn quay về. Dữ liệu hiện tại sẽ được sao lưu trước, nên có thể hoàn tác việc khôi phục.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Nơi lưu</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Last meeting</source>
        <translation>Họp gần nhất</translation>
    </message>
    <message>
        <source>Compared with the data open now</source>
        <translation>So với dữ liệu đang mở</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Looking at the backups…</source>
        <translation>Đang xem các bản sao lưu…</translation>
    </message>
    <message>
        <source>Another backup file…</source>
        <translation>Tệp sao lưu khác…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>There is no backup in the backup folder yet. Choose a backup file.</source>
        <translation>Thư mục sao lưu chưa có bản nào. Hãy chọn một tệp sao lưu.</translation>
    </message>
    <message>
        <source>Choose a backup to see what it holds.</source>
        <translation>Chọn một bản sao lưu để xem nội dung.</translation>
    </message>
    <message numerus="yes">
        <source>{count} member(s)</source>
        <translation>
            <numerusform>{count} đảng viên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} meeting(s)</source>
        <translation>
            <numerusform>{count} cuộc họp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} loan(s)</source>
        <translation>
            <numerusform>{count} khoản vay</numerusform>
        </translation>
    </message>
    <message>
        <source>{meetings}, held on {days}</source>
        <translation>{meetings}, họp ngày {days}</translation>
    </message>
    <message>
        <source>the changes made after {since} (the latest on {latest})</source>
        <translation>các thay đổi ghi sau {since} (lần gần nhất lúc {latest})</translation>
    </message>
    <message>
        <source>another branch&apos;s records</source>
        <translation>dữ liệu của chi bộ khác</translation>
    </message>
    <message>
        <source>lacks {what}</source>
        <translation>thiếu {what}</translation>
    </message>
    <message>
        <source>lacks the changes after {since}</source>
        <translation>thiếu các thay đổi sau {since}</translation>
    </message>
    <message>
        <source>holds all of it</source>
        <translation>đủ như hiện nay</translation>
    </message>
    <message>
        <source>asks its passphrase</source>
        <translation>cần mật khẩu</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>tốt</translation>
    </message>
    <message>
        <source>File: {path}

It holds everything the data open now holds. The data file as it is now is kept first, as a backup in the backup folder, so this restore can itself be undone.</source>
        <translation>Tệp: {path}

Bản sao lưu có đủ mọi thứ dữ liệu đang mở có. Tệp dữ liệu hiện tại được giữ lại trước, thành một bản sao lưu trong thư mục sao lưu, nên có thể hoàn tác việc khôi phục này.</translation>
    </message>
    <message>
        <source>The backup of {when} holds less than the data open now.</source>
        <translation>Bản sao lưu lúc {when} có ít hơn dữ liệu đang mở.</translation>
    </message>
    <message>
        <source>The backup of {when} is older than the data open now.</source>
        <translation>Bản sao lưu lúc {when} cũ hơn dữ liệu đang mở.</translation>
    </message>
    <message>
        <source>If it is restored, this will no longer show:
{lost}

The data as it is now is kept first, as a backup in the backup folder, so it can be brought back.

Backup: {summary}
File: {path}</source>
        <translation>Nếu khôi phục, những gì sau đây sẽ không còn:
{lost}

Dữ liệu như hiện nay được giữ lại trước, thành một bản sao lưu trong thư mục sao lưu, nên vẫn lấy lại được.

Bản sao lưu: {summary}
Tệp: {path}</translation>
    </message>
    <message>
        <source>Restore anyway</source>
        <translation>Vẫn khôi phục</translation>
    </message>
    <message>
        <source>Do not restore</source>
        <translation>Không khôi phục</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>bị hỏng</translation>
    </message>
    <message>
        <source>{shown} and {more} others</source>
        <translation>{shown} và {more} người khác</translation>
    </message>
    <message>
        <source>{shown} and {more} other meetings</source>
        <translation>{shown} và {more} cuộc họp khác</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>bị sửa đổi</translation>
    </message>
    <message>
        <source>Locked with a passphrase: the app asks it when restoring. The figures are those noted when the copy was written.</source>
        <translation>Bản sao lưu có khóa: chương trình sẽ hỏi mật khẩu khi khôi phục. Các con số trên là lúc ghi bản sao lưu.</translation>
    </message>
    <message>
        <source>Restoring it would take away: {what}.</source>
        <translation>Khôi phục bản này sẽ làm mất: {what}.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Chọn bản sao lưu</translation>
    </message>
    <message>
        <source>Backups (*.chibo-backup *.sqlite);;All files (*)</source>
        <translation>Bản sao lưu (*.chibo-backup *.sqlite);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>A locked backup</source>
        <translation>Bản sao lưu có khóa</translation>
    </message>
    <message>
        <source>This backup is locked. Type the passphrase given when it was written:</source>
        <translation>Bản sao lưu này có khóa. Hãy nhập mật khẩu đã đặt khi sao lưu:</translation>
    </message>
    <message>
        <source>Opening the locked backup…</source>
        <translation>Đang mở bản sao lưu có khóa…</translation>
    </message>
    <message>
        <source>Comparing the backup with the data open now…</source>
        <translation>Đang so bản sao lưu với dữ liệu đang mở…</translation>
    </message>
    <message>
        <source>A backup of another branch</source>
        <translation>Bản sao lưu của chi bộ khác</translation>
    </message>
    <message>
        <source>This backup holds the records of another branch: “{theirs}” ({members} members), taken {when}.
The data open now is of “{ours}”.

Replace it with the other branch&apos;s records? The data open now is kept as a backup first.</source>
        <translation>Bản sao lưu này chứa hồ sơ của một chi bộ khác: “{theirs}” ({members} đảng viên), sao lưu lúc {when}.
Dữ liệu đang mở là của “{ours}”.

Thay bằng hồ sơ của chi bộ kia? Dữ liệu đang mở sẽ được giữ lại thành một bản sao lưu trước.</translation>
    </message>
    <message>
        <source>Go back to the backup of {summary}</source>
        <translation>Quay về bản sao lưu lúc {summary}</translation>
    </message>
    <message>
        <source>File: {path}

Everything entered after {when} will no longer show. The data file as it is now is kept first, as a backup in the backup folder, so this restore can itself be undone.</source>
        <translation>Tệp: {path}

Mọi thông tin nhập sau {when} sẽ không còn hiện nữa. Tệp dữ liệu hiện tại được giữ lại trước, thành một bản sao lưu trong thư mục sao lưu, nên có thể hoàn tác việc khôi phục này.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Excellently completed duties</source>
        <translation>Hoàn thành xuất sắc nhiệm vụ</translation>
    </message>
    <message>
        <source>Well completed duties</source>
        <translation>Hoàn thành tốt nhiệm vụ</translation>
    </message>
    <message>
        <source>Completed duties</source>
        <translation>Hoàn thành nhiệm vụ</translation>
    </message>
    <message>
        <source>Did not complete duties</source>
        <translation>Không hoàn thành nhiệm vụ</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>HTXSNV</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>HTTNV</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>HTNV</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>KHTNV</translation>
    </message>
    <message>
        <source>Exempted from work and activities</source>
        <translation>Miễn công tác và sinh hoạt đảng</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Đình chỉ sinh hoạt</translation>
    </message>
    <message>
        <source>Admitted less than {months} months before the review</source>
        <translation>Kết nạp chưa đủ {months} tháng</translation>
    </message>
    <message>
        <source>Points are counted out of 100: write 0 to 100.</source>
        <translation>Điểm tính trên thang 100: ghi từ 0 đến 100.</translation>
    </message>
    <message>
        <source>A number of votes cannot be negative.</source>
        <translation>Số phiếu không thể là số âm.</translation>
    </message>
    <message>
        <source>More votes for than members voting: check the two numbers.</source>
        <translation>Số tán thành nhiều hơn số biểu quyết: kiểm tra lại hai số này.</translation>
    </message>
    <message>
        <source>Commendation</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Kỷ luật</translation>
    </message>
    <message>
        <source>Write the form, for example Giấy khen or Khiển trách.</source>
        <translation>Ghi hình thức, ví dụ Giấy khen hoặc Khiển trách.</translation>
    </message>
    <message>
        <source>Some fields need attention; see the messages beside them.</source>
        <translation>Một số ô cần được sửa; xem thông báo bên cạnh từng ô.</translation>
    </message>
    <message>
        <source>This member is temporarily attached to the branch: their home branch reviews them. Send the branch&apos;s opinion of them to that branch.</source>
        <translation>Đảng viên này sinh hoạt tạm thời tại chi bộ: chi bộ nơi đảng viên sinh hoạt chính thức đánh giá, xếp loại. Hãy gửi nhận xét của chi bộ về đảng viên đến chi bộ đó.</translation>
    </message>
    <message>
        <source>This member is not in the branch at the end of {year}.</source>
        <translation>Đảng viên này không còn trong chi bộ vào cuối năm {year}.</translation>
    </message>
    <message>
        <source>This member is not rated this year; write the opinion in the note instead of a level.</source>
        <translation>Đảng viên này không xếp loại năm nay; ghi nhận xét vào phần ghi chú thay cho mức xếp loại.</translation>
    </message>
    <message>
        <source>The decision&apos;s date is in the future.</source>
        <translation>Ngày quyết định chưa đến.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Ngày này chưa đến.</translation>
    </message>
    <message>
        <source>Write the date of the decision.</source>
        <translation>Ghi ngày quyết định.</translation>
    </message>
</context>
<context>
    <name>ReviewWidget</name>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Năm</translation>
    </message>
    <message>
        <source>&amp;Print the summary</source>
        <translation>&amp;In báo cáo kết quả</translation>
    </message>
    <message>
        <source>Members to review</source>
        <translation>Đảng viên được đánh giá, xếp loại</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Tổ đảng</translation>
    </message>
    <message>
        <source>Absent,
no reason</source>
        <translation>Vắng
không lý do</translation>
    </message>
    <message>
        <source>Dues months
unpaid</source>
        <translation>Tháng chưa
đóng đảng phí</translation>
    </message>
    <message>
        <source>Self-
rating</source>
        <translation>Tự
xếp loại</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Branch
proposes</source>
        <translation>Chi bộ
đề nghị</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Biểu
quyết</translation>
    </message>
    <message>
        <source>Final
level</source>
        <translation>Cấp ủy
quyết định</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Not rated this year</source>
        <translation>Không xếp loại năm nay</translation>
    </message>
    <message>
        <source>Why not rated</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>The chosen member&apos;s review</source>
        <translation>Đánh giá của đảng viên đang chọn</translation>
    </message>
    <message>
        <source>Choose a member in the list.</source>
        <translation>Chọn một đảng viên trong danh sách.</translation>
    </message>
    <message>
        <source>Se&amp;lf-rating</source>
        <translation>&amp;Tự xếp loại</translation>
    </message>
    <message>
        <source>P&amp;oints (of 100)</source>
        <translation>Điể&amp;m (thang 100)</translation>
    </message>
    <message>
        <source>Branch p&amp;roposes</source>
        <translation>&amp;Chi bộ đề nghị</translation>
    </message>
    <message>
        <source>Votes &amp;for</source>
        <translation>Số tán t&amp;hành</translation>
    </message>
    <message>
        <source>Members &amp;voting</source>
        <translation>Số biể&amp;u quyết</translation>
    </message>
    <message>
        <source>Fi&amp;nal level (committee)</source>
        <translation>Cấp ủ&amp;y quyết định</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>&amp;Ghi chú</translation>
    </message>
    <message>
        <source>&amp;Save the review</source>
        <translation>&amp;Lưu đánh giá</translation>
    </message>
    <message>
        <source>Commendation or &amp;discipline…</source>
        <translation>Khen thưởng, &amp;kỷ luật…</translation>
    </message>
    <message>
        <source>Print the &amp;record</source>
        <translation>In &amp;phiếu theo dõi</translation>
    </message>
    <message>
        <source>The branch&apos;s own rating of the year</source>
        <translation>Xếp loại chi bộ trong năm</translation>
    </message>
    <message>
        <source>e.g. 125-QĐ/ĐU</source>
        <translation>ví dụ 125-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Le&amp;vel</source>
        <translation>Mức &amp;xếp loại</translation>
    </message>
    <message>
        <source>Decision n&amp;umber</source>
        <translation>&amp;Số quyết định</translation>
    </message>
    <message>
        <source>Decision d&amp;ate</source>
        <translation>Ngày &amp;quyết định</translation>
    </message>
    <message>
        <source>Save the &amp;branch&apos;s rating</source>
        <translation>Lưu xếp loại chi &amp;bộ</translation>
    </message>
    <message>
        <source>Temporarily attached here, reviewed by their home branch and counted in neither list: {names}.</source>
        <translation>Sinh hoạt tạm thời tại chi bộ (chi bộ nơi sinh hoạt chính thức đánh giá, xếp loại; không tính trong hai danh sách bên trái): {names}.</translation>
    </message>
    <message>
        <source>{rated} of {total} have a level — {parts}</source>
        <translation>{rated}/{total} đã có mức xếp loại — {parts}</translation>
    </message>
    <message>
        <source>Too many “excellent”: {excellent} for {good} “good”. At most {percent} % of “good” may be “excellent”, that is {allowed}. Lower some proposals or ask the committee.</source>
        <translation>Quá nhiều “xuất sắc”: {excellent} so với {good} “tốt”. Số “xuất sắc” không quá {percent}% số “tốt”, tức là tối đa {allowed}. Hạ bớt đề nghị hoặc hỏi ý kiến cấp ủy.</translation>
    </message>
    <message>
        <source>In {year}: absent without reason {unexcused}, with reason {excused}, of {required} meetings.
Dues months unpaid without reason: {unpaid}.</source>
        <translation>Năm {year}: vắng không lý do {unexcused}, có lý do {excused}, trên {required} buổi sinh hoạt.
Số tháng chưa đóng đảng phí không lý do: {unpaid}.</translation>
    </message>
    <message>
        <source>By the points: {level}</source>
        <translation>Theo điểm: {level}</translation>
    </message>
    <message>
        <source>The review of {name} was changed. Save it before choosing another member?</source>
        <translation>Đánh giá của {name} đã thay đổi. Lưu trước khi chọn đảng viên khác?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Branch</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Citizen identity card number (CCCD)</source>
        <translation>Số căn cước công dân (CCCD)</translation>
    </message>
    <message>
        <source>Date of the admission ceremony</source>
        <translation>Ngày vào Đảng (ngày lễ kết nạp)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Hamlet / cell</source>
        <translation>Tổ đảng / ấp</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Party card</source>
        <translation>Số thẻ</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Vào Đảng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
</context>
<context>
    <name>RosterWidget</name>
    <message>
        <source>Search name, hamlet, card or ID (no tone marks needed)</source>
        <translation>Tìm theo tên, tổ, số thẻ hoặc CCCD — không cần gõ dấu</translation>
    </message>
    <message>
        <source>In the branch now</source>
        <translation>Đang sinh hoạt tại chi bộ</translation>
    </message>
    <message>
        <source>Everyone ever listed</source>
        <translation>Tất cả, kể cả đã chuyển đi</translation>
    </message>
    <message>
        <source>Both genders</source>
        <translation>Nam và nữ</translation>
    </message>
    <message>
        <source>the app met an error it did not expect (the details are in its log file)</source>
        <translation>chương trình gặp một lỗi không lường trước (chi tiết ghi trong tệp nhật ký)</translation>
    </message>
    <message>
        <source>The list cannot be sorted by status: every member&apos;s state could not be worked out (see the message on the right).</source>
        <translation>Không sắp xếp được theo trạng thái: không xác định được tình trạng của từng đảng viên (xem thông báo bên phải).</translation>
    </message>
    <message>
        <source>Sorting by status waits until every member&apos;s state is worked out: the list stays in name order meanwhile and is sorted by status as soon as the count is done.</source>
        <translation>Việc sắp xếp theo trạng thái phải chờ đếm xong: trong lúc đếm, danh sách vẫn theo thứ tự họ tên và sẽ được sắp theo trạng thái ngay khi xác định xong tình trạng của từng đảng viên.</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>Tất cả chi bộ</translation>
    </message>
    <message>
        <source>All hamlets</source>
        <translation>Tất cả các tổ</translation>
    </message>
    <message>
        <source>All ethnic groups</source>
        <translation>Tất cả dân tộc</translation>
    </message>
    <message>
        <source>Available once every member&apos;s state is worked out</source>
        <translation>Dùng được khi đã xác định xong tình trạng của từng đảng viên</translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of {total} record(s)</source>
        <translation>
            <numerusform>Đang hiện {shown} trên {total} hồ sơ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of {total} record(s), former members among them: their states could not be worked out</source>
        <translation>
            <numerusform>Đang hiện {shown} trên {total} hồ sơ, kể cả người không còn sinh hoạt tại chi bộ: không xác định được tình trạng của từng đảng viên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing {shown} of {total} record(s), former members among them until every member&apos;s state is worked out…</source>
        <translation>
            <numerusform>Đang hiện {shown} trên {total} hồ sơ, kể cả người không còn sinh hoạt tại chi bộ, cho đến khi xác định xong tình trạng của từng đảng viên…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rubric</name>
    <message>
        <source>Preparation</source>
        <translation>Chuẩn bị</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Tỷ lệ dự họp</translation>
    </message>
    <message>
        <source>Conduct</source>
        <translation>Tiến hành</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Khá</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Yếu</translation>
    </message>
    <message>
        <source>Give a score.</source>
        <translation>Hãy cho điểm.</translation>
    </message>
    <message>
        <source>The score must be between 0 and the maximum.</source>
        <translation>Điểm phải từ 0 đến điểm tối đa.</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>Unknown setting: {key}.</source>
        <translation>Không có quy định: {key}.</translation>
    </message>
    <message>
        <source>“{text}” is not a valid value here. Write a whole number.</source>
        <translation>“{text}” không phải giá trị hợp lệ. Hãy ghi một số nguyên.</translation>
    </message>
    <message>
        <source>“{text}” is not a valid value here. Use whole numbers separated by commas.</source>
        <translation>“{text}” không phải giá trị hợp lệ. Hãy ghi số nguyên, cách nhau bằng dấu phẩy.</translation>
    </message>
    <message>
        <source>“{text}” is not a valid value here. Separate the names by commas.</source>
        <translation>“{text}” không phải giá trị hợp lệ. Hãy ghi các tên, cách nhau bằng dấu phẩy.</translation>
    </message>
    <message>
        <source>“{text}” is not a valid value here. Write có or không.</source>
        <translation>“{text}” không phải giá trị hợp lệ. Hãy ghi có hoặc không.</translation>
    </message>
    <message>
        <source>“{text}” is not a valid value here. Write the month as mm/yyyy, for example 11/2026.</source>
        <translation>“{text}” không hợp lệ ở đây. Ghi tháng theo dạng tháng/năm, ví dụ 11/2026.</translation>
    </message>
    <message>
        <source>“{text}” is not a valid value here. Keep the form of the current value.</source>
        <translation>“{text}” không phải giá trị hợp lệ. Hãy giữ đúng dạng của giá trị hiện tại.</translation>
    </message>
    <message>
        <source>Not a valid value.</source>
        <translation>Giá trị không hợp lệ.</translation>
    </message>
    <message>
        <source>This rule already has this value on {date}: nothing was added. Type the new value, or the day it applies from.</source>
        <translation>Quy định này đã có giá trị này vào ngày {date}: không thêm gì. Hãy gõ giá trị mới, hoặc ngày bắt đầu áp dụng.</translation>
    </message>
    <message>
        <source>The same as the value in force.</source>
        <translation>Giống giá trị đang áp dụng.</translation>
    </message>
    <message>
        <source>Probation length (months)</source>
        <translation>Thời gian dự bị (tháng)</translation>
    </message>
    <message>
        <source>Working days to consider recognition after probation</source>
        <translation>Số ngày làm việc để xét công nhận sau khi hết dự bị</translation>
    </message>
    <message>
        <source>Remind this many days before probation ends</source>
        <translation>Nhắc trước khi hết dự bị (ngày)</translation>
    </message>
    <message>
        <source>Minimum age at admission</source>
        <translation>Tuổi tối thiểu khi kết nạp</translation>
    </message>
    <message>
        <source>Party badge milestones (years)</source>
        <translation>Các mốc huy hiệu Đảng (năm)</translation>
    </message>
    <message>
        <source>Ethnic groups not counted as minority</source>
        <translation>Dân tộc không tính là dân tộc thiểu số</translation>
    </message>
    <message>
        <source>Meeting attendance bar (%)</source>
        <translation>Ngưỡng tỷ lệ dự sinh hoạt (%)</translation>
    </message>
    <message>
        <source>Months absent without reason in a year that allow a removal proposal</source>
        <translation>Số tháng vắng không lý do trong năm để đề nghị xóa tên</translation>
    </message>
    <message>
        <source>Absences in a row tolerated, even with reason</source>
        <translation>Số lần vắng liên tiếp cho phép, kể cả có lý do</translation>
    </message>
    <message>
        <source>Count temporarily away members as required to attend</source>
        <translation>Tính đảng viên tạm vắng vào số phải dự</translation>
    </message>
    <message>
        <source>Shortest meeting (minutes)</source>
        <translation>Thời gian sinh hoạt tối thiểu (phút)</translation>
    </message>
    <message>
        <source>Shortest combined regular and thematic meeting (minutes)</source>
        <translation>Thời gian tối thiểu khi kết hợp thường kỳ và chuyên đề (phút)</translation>
    </message>
    <message>
        <source>Score meetings by the rubric</source>
        <translation>Chấm điểm buổi sinh hoạt theo thang điểm</translation>
    </message>
    <message>
        <source>Meeting scoring rubric</source>
        <translation>Thang điểm buổi sinh hoạt</translation>
    </message>
    <message>
        <source>ID number (CCCD): digit 4 → gender and first year of the century of birth</source>
        <translation>Số CCCD: chữ số thứ 4 → giới tính và năm đầu của thế kỷ sinh</translation>
    </message>
    <message>
        <source>Printed documents: margins (mm) and font sizes (pt)</source>
        <translation>Văn bản in: lề (mm) và cỡ chữ (pt)</translation>
    </message>
    <message>
        <source>Dues rates by category: rate in hundredths of a percent (100 = 1 %) of the member&apos;s salary or pension, or of the regional minimum wage; or a fixed amount in đồng</source>
        <translation>Mức đóng đảng phí theo đối tượng: tỷ lệ tính theo phần vạn (100 = 1%) trên tiền lương, lương hưu hoặc lương tối thiểu vùng; hoặc số tiền cố định (đồng)</translation>
    </message>
    <message>
        <source>Regional minimum wages, đồng a month (regions I–IV)</source>
        <translation>Lương tối thiểu vùng, đồng/tháng (vùng I–IV)</translation>
    </message>
    <message>
        <source>Minimum-wage region of the branch&apos;s area (1 = I … 4 = IV)</source>
        <translation>Vùng lương tối thiểu của địa bàn chi bộ (1 = vùng I … 4 = vùng IV)</translation>
    </message>
    <message>
        <source>Rounding of dues: step in đồng and mode (nearest, up, down)</source>
        <translation>Làm tròn đảng phí: bước làm tròn (đồng) và cách làm tròn (gần nhất, lên hoặc xuống)</translation>
    </message>
    <message>
        <source>Years of Party age from which a member pays no dues</source>
        <translation>Số năm tuổi Đảng được miễn đóng đảng phí</translation>
    </message>
    <message>
        <source>Retirement age in months by the year it is reached (men M, women F), for the dues rates</source>
        <translation>Tuổi nghỉ hưu tính bằng tháng theo năm đạt tuổi (nam M, nữ F), để tính mức đảng phí</translation>
    </message>
    <message>
        <source>Dues reductions a decision may grant (%)</source>
        <translation>Các mức giảm đảng phí được phép (%)</translation>
    </message>
    <message>
        <source>Longest dues exemption or reduction by one decision (months)</source>
        <translation>Thời gian miễn, giảm đảng phí tối đa mỗi quyết định (tháng)</translation>
    </message>
    <message>
        <source>Months without dues in a year, without reason, that allow a removal proposal</source>
        <translation>Số tháng không đóng đảng phí trong năm không có lý do thì xem xét đề nghị xóa tên</translation>
    </message>
    <message>
        <source>Share of the dues collected that the branch keeps (%); the rest is paid up</source>
        <translation>Tỷ lệ đảng phí chi bộ được giữ lại (%); phần còn lại nộp cấp trên</translation>
    </message>
    <message>
        <source>Yearly review: the lowest points of each level (out of 100)</source>
        <translation>Đánh giá hằng năm: điểm thấp nhất của từng mức (thang 100)</translation>
    </message>
    <message>
        <source>Yearly review: “excellent” at most this share of “good” (%)</source>
        <translation>Đánh giá hằng năm: số “xuất sắc” không quá tỷ lệ này so với số “tốt” (%)</translation>
    </message>
    <message>
        <source>Yearly review: not rated when exempted, suspended, or admitted less than N months before</source>
        <translation>Đánh giá hằng năm: không xếp loại khi miễn sinh hoạt, bị đình chỉ, hoặc kết nạp chưa đủ N tháng</translation>
    </message>
    <message>
        <source>Admissions: days each step may wait after the one before, before a reminder</source>
        <translation>Phát triển đảng viên: số ngày mỗi bước được chờ sau bước trước, quá hạn thì nhắc</translation>
    </message>
    <message>
        <source>First month of the dues book kept in the app (earlier months were on paper)</source>
        <translation>Tháng đầu tiên ghi sổ đảng phí trong chương trình (các tháng trước ghi trên sổ giấy)</translation>
    </message>
    <message>
        <source>Give a rate for each of: salary, pension, student, other, other_retired.</source>
        <translation>Hãy ghi mức đóng cho đủ các đối tượng: salary, pension, student, other, other_retired.</translation>
    </message>
    <message>
        <source>Rates and amounts cannot be negative.</source>
        <translation>Tỷ lệ và số tiền không thể âm.</translation>
    </message>
    <message>
        <source>Give the minimum wage of each region: I, II, III and IV.</source>
        <translation>Hãy ghi lương tối thiểu của đủ các vùng I, II, III và IV.</translation>
    </message>
    <message>
        <source>A minimum wage is a whole number of đồng, more than 0.</source>
        <translation>Lương tối thiểu là số đồng tròn, lớn hơn 0.</translation>
    </message>
    <message>
        <source>The region is 1, 2, 3 or 4.</source>
        <translation>Vùng là 1, 2, 3 hoặc 4.</translation>
    </message>
    <message>
        <source>The step is at least 1 đồng; the mode is nearest, up or down.</source>
        <translation>Bước làm tròn ít nhất 1 đồng; cách làm tròn là nearest, up hoặc down.</translation>
    </message>
    <message>
        <source>A share is 0 to 100 %.</source>
        <translation>Tỷ lệ từ 0 đến 100%.</translation>
    </message>
    <message>
        <source>Write the month as mm/yyyy, for example 11/2026.</source>
        <translation>Ghi tháng theo dạng tháng/năm, ví dụ 11/2026.</translation>
    </message>
    <message>
        <source>Each reduction is between 1 and 99 %.</source>
        <translation>Mỗi mức giảm từ 1 đến 99%.</translation>
    </message>
    <message>
        <source>The value does not have the form of the current one; copy it and change the figures.</source>
        <translation>Giá trị không đúng dạng của giá trị hiện hành; hãy chép lại giá trị hiện hành rồi sửa số.</translation>
    </message>
    <message>
        <source>Write the rubric as criteria and bands, each a list of [name, points] pairs: each criterion&apos;s maximum from 1 to 100, each band&apos;s lowest total from 0 to 100.</source>
        <translation>Ghi thang điểm gồm criteria (các tiêu chí) và bands (các mức), mỗi phần là danh sách các cặp [tên, điểm]: điểm tối đa của mỗi tiêu chí từ 1 đến 100, tổng điểm thấp nhất của mỗi mức từ 0 đến 100.</translation>
    </message>
    <message>
        <source>Give only top_mm, bottom_mm, left_mm, right_mm (margins, 0 to 80 mm) and body_pt, party_pt, title_pt (font sizes, 6 to 36 pt), each a number.</source>
        <translation>Chỉ ghi top_mm, bottom_mm, left_mm, right_mm (lề, từ 0 đến 80 mm) và body_pt, party_pt, title_pt (cỡ chữ, từ 6 đến 36 pt), mỗi mục là một số.</translation>
    </message>
    <message>
        <source>Give the lowest points of excellent, good and completed, each a whole number from 0 to 100.</source>
        <translation>Ghi điểm thấp nhất của excellent (xuất sắc), good (tốt) và completed (hoàn thành), mỗi mức là một số nguyên từ 0 đến 100.</translation>
    </message>
    <message>
        <source>Excellent needs more points than good, and good more than completed.</source>
        <translation>Mức xuất sắc phải cần nhiều điểm hơn mức tốt, và mức tốt nhiều điểm hơn mức hoàn thành.</translation>
    </message>
    <message>
        <source>Write exempted and suspended as true or false, and admitted_months as whole months from 0 to 60.</source>
        <translation>Ghi exempted và suspended là true hoặc false, và admitted_months là số tháng nguyên từ 0 đến 60.</translation>
    </message>
    <message>
        <source>Give days (a whole number from 0 to 3650) only for the steps class, vouched, verified, branch_vote, decision and ceremony.</source>
        <translation>Chỉ ghi số ngày (số nguyên từ 0 đến 3650) cho các bước class, vouched, verified, branch_vote, decision và ceremony.</translation>
    </message>
    <message>
        <source>Give each digit from 0 to 9 a pair: [&quot;M&quot; or &quot;F&quot;, the first year of the century, e.g. 1900].</source>
        <translation>Ghi cho mỗi chữ số từ 0 đến 9 một cặp: [&quot;M&quot; hoặc &quot;F&quot;, năm đầu tiên của thế kỷ, ví dụ 1900].</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rules and thresholds</source>
        <translation>Quy định và ngưỡng</translation>
    </message>
    <message>
        <source>Every value applies from its own date; older values stay in force for earlier dates.</source>
        <translation>Mỗi giá trị có hiệu lực từ ngày của nó; giá trị cũ vẫn áp dụng cho các ngày trước đó.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Giá trị mới</translation>
    </message>
    <message>
        <source>Applies from</source>
        <translation>Hiệu lực từ ngày</translation>
    </message>
    <message>
        <source>Source or note</source>
        <translation>Căn cứ hoặc ghi chú</translation>
    </message>
    <message>
        <source>Not a value of this rule yet: keep the form of the value shown in the table.</source>
        <translation>Chưa phải giá trị của quy định này: hãy giữ đúng dạng của giá trị trong bảng.</translation>
    </message>
    <message>
        <source>Means: {words}</source>
        <translation>Nghĩa là: {words}</translation>
    </message>
</context>
<context>
    <name>Sealed</name>
    <message>
        <source>A passphrase needs at least {count} characters.</source>
        <translation>Mật khẩu cần ít nhất {count} ký tự.</translation>
    </message>
    <message>
        <source>This is not a locked backup of this app, or it is damaged.</source>
        <translation>Đây không phải bản sao lưu có khóa của chương trình, hoặc tệp đã bị hỏng.</translation>
    </message>
    <message>
        <source>The locked backup is damaged (its header cannot be read).</source>
        <translation>Bản sao lưu có khóa đã bị hỏng (không đọc được phần đầu tệp).</translation>
    </message>
    <message>
        <source>The passphrase is not right (or the locked backup is damaged). Type it again: it is the one given when the backup was written.</source>
        <translation>Mật khẩu không đúng (hoặc bản sao lưu đã bị hỏng). Hãy nhập lại: đó là mật khẩu đã đặt khi sao lưu.</translation>
    </message>
    <message>
        <source>The locked backup is damaged or cut short after {size} MB. Use another copy.</source>
        <translation>Bản sao lưu có khóa bị hỏng hoặc bị cắt cụt sau {size} MB. Hãy dùng bản sao khác.</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>pg_dump, PostgreSQL&apos;s backup program, is not installed on this computer, so no backup was written. Install the PostgreSQL client programs (on Debian: apt-get install postgresql-client; on Windows: the PostgreSQL installer&apos;s command line tools) or ask the server&apos;s administrator.</source>
        <translation>Máy này chưa cài pg_dump, chương trình sao lưu của PostgreSQL, nên chưa có bản sao lưu nào được ghi. Hãy cài các chương trình máy khách của PostgreSQL (Debian: apt-get install postgresql-client; Windows: phần công cụ dòng lệnh trong bộ cài PostgreSQL) hoặc nhờ người quản trị máy chủ.</translation>
    </message>
    <message>
        <source>pg_dump could not back up {name}: {reason}. No backup was written.</source>
        <translation>pg_dump không sao lưu được {name}: {reason}. Chưa có bản sao lưu nào được ghi.</translation>
    </message>
    <message>
        <source>The target must be a postgresql:// address.</source>
        <translation>Nơi nhận phải là một địa chỉ postgresql://.</translation>
    </message>
    <message>
        <source>{name} already holds a committee&apos;s or a branch&apos;s records, so nothing was copied. Move into a new, empty database (ask the server&apos;s administrator to create one).</source>
        <translation>{name} đã có hồ sơ của một cấp ủy hoặc chi bộ nên chưa chép gì. Hãy chuyển vào một cơ sở dữ liệu mới, còn trống (nhờ người quản trị máy chủ tạo).</translation>
    </message>
    <message>
        <source>The copy of table {table} on the server differs from the file (from record {number} on), so nothing was kept on the server. Report this to whoever supports the app.</source>
        <translation>Bản chép của bảng {table} trên máy chủ khác với tệp (từ bản ghi thứ {number}), nên không giữ lại gì trên máy chủ. Hãy báo cho người hỗ trợ chương trình.</translation>
    </message>
    <message>
        <source>The server refused the records of table {table} ({reason}), so nothing was kept on the server. Run “chibo check” on the file, correct what it names, and try again.</source>
        <translation>Máy chủ không nhận các bản ghi của bảng {table} ({reason}), nên không giữ lại gì trên máy chủ. Hãy chạy “chibo check” trên tệp, sửa những chỗ được nêu rồi làm lại.</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>The branch has not been set up yet. Open the app once and fill in the setup.</source>
        <translation>Chi bộ chưa được thiết lập. Hãy mở phần mềm và điền phần thiết lập.</translation>
    </message>
    <message>
        <source>This database is kept by a committee: the branches&apos; members, meetings and funds come in their packages and are read-only here. Changes are made at the branch and sent up again.</source>
        <translation>Dữ liệu này do cấp ủy quản lý: đảng viên, buổi sinh hoạt và quỹ của các chi bộ đến từ gói dữ liệu chi bộ gửi lên và ở đây chỉ được xem. Việc sửa đổi làm tại chi bộ rồi gửi lên lại.</translation>
    </message>
    <message>
        <source>Some fields need attention.</source>
        <translation>Một số ô cần được sửa.</translation>
    </message>
    <message>
        <source>The level of a database is chosen when it is set up and cannot be changed. For the other level, set up a new database.</source>
        <translation>Cấp của tệp dữ liệu được chọn khi thiết lập và không thể đổi. Muốn dùng cho cấp kia, hãy thiết lập một tệp dữ liệu mới.</translation>
    </message>
    <message>
        <source>Keep the level it was set up with.</source>
        <translation>Hãy giữ cấp đã chọn khi thiết lập.</translation>
    </message>
    <message>
        <source>A Party branch (chi bộ)</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>A committee above branches (đảng ủy xã, phường …)</source>
        <translation>Cấp ủy trên các chi bộ (đảng ủy xã, phường …)</translation>
    </message>
    <message>
        <source>Enter the committee&apos;s name, e.g. Đảng ủy xã Tân Hùng.</source>
        <translation>Hãy nhập tên cấp ủy, ví dụ Đảng ủy xã Tân Hùng.</translation>
    </message>
    <message>
        <source>Enter the branch&apos;s name.</source>
        <translation>Hãy nhập tên chi bộ.</translation>
    </message>
    <message>
        <source>Enter the level this committee reports to, e.g. Tỉnh ủy Cà Mau.</source>
        <translation>Hãy nhập cấp trên của cấp ủy này, ví dụ Tỉnh ủy Cà Mau.</translation>
    </message>
    <message>
        <source>Enter the Party committee the branch reports to.</source>
        <translation>Hãy nhập tên cấp ủy cấp trên của chi bộ.</translation>
    </message>
    <message>
        <source>Hamlets and Party cells belong to branches; a committee keeps none. Leave them out.</source>
        <translation>Ấp và tổ đảng thuộc các chi bộ; cấp ủy không có. Hãy để trống.</translation>
    </message>
    <message>
        <source>Enter the place name printed before the date on documents.</source>
        <translation>Hãy nhập địa danh ghi trước ngày tháng trên văn bản.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up this database</source>
        <translation>Thiết lập tệp dữ liệu</translation>
    </message>
    <message>
        <source>Who keeps this database?</source>
        <translation>Tệp dữ liệu này của cấp nào?</translation>
    </message>
    <message>
        <source>These names appear at the top of every document. Since 1 July 2025 a village branch reports to its commune or ward Party committee.</source>
        <translation>Các tên này được in ở đầu mọi văn bản. Từ ngày 01/7/2025, chi bộ thôn, ấp trực thuộc Đảng ủy xã, phường.</translation>
    </message>
    <message>
        <source>e.g. Chi bộ ấp Te Te 1</source>
        <translation>ví dụ Chi bộ ấp Te Te 1</translation>
    </message>
    <message>
        <source>e.g. Đảng bộ xã Tân Hùng</source>
        <translation>ví dụ Đảng bộ xã Tân Hùng</translation>
    </message>
    <message>
        <source>e.g. Tân Hùng</source>
        <translation>ví dụ Tân Hùng</translation>
    </message>
    <message>
        <source>One per line, e.g.
Tổ 1
Tổ 2</source>
        <translation>Mỗi dòng một tổ, ví dụ
Tổ 1
Tổ 2</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>Tên chi bộ</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Cấp trên trực tiếp</translation>
    </message>
    <message>
        <source>Place name on documents</source>
        <translation>Địa danh trên văn bản</translation>
    </message>
    <message>
        <source>Hamlets or Party cells</source>
        <translation>Các tổ đảng hoặc ấp</translation>
    </message>
    <message>
        <source>Committee name</source>
        <translation>Tên cấp ủy</translation>
    </message>
    <message>
        <source>e.g. Đảng ủy xã Tân Hùng</source>
        <translation>ví dụ Đảng ủy xã Tân Hùng</translation>
    </message>
    <message>
        <source>e.g. Tỉnh ủy Cà Mau</source>
        <translation>ví dụ Tỉnh ủy Cà Mau</translation>
    </message>
    <message>
        <source>A committee takes in its branches&apos; packages: their members, meetings and funds are shown with the branch&apos;s name and can only be read here. The level cannot be changed later.</source>
        <translation>Cấp ủy nhận gói dữ liệu của các chi bộ: đảng viên, buổi sinh hoạt và quỹ của chi bộ được hiện kèm tên chi bộ và ở đây chỉ được xem. Không thể đổi cấp về sau.</translation>
    </message>
    <message>
        <source>A branch keeps its own members, meetings and loan fund, and sends them to the upper level.</source>
        <translation>Chi bộ tự quản lý đảng viên, buổi sinh hoạt và quỹ hỗ trợ vay vốn của mình, rồi gửi lên cấp trên.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The data file is damaged</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>The data file {path} is damaged and there is no good backup of it in {folder}. The app will not open it, so nothing more is lost. If you keep a backup on a USB stick, start the app with that stick plugged in and run: chibo restore --db &quot;{path}&quot; &lt;the backup file&gt;; otherwise ask for help, and keep the damaged file.</source>
        <translation>Tệp dữ liệu {path} bị hỏng và trong {folder} không có bản sao lưu tốt nào. Chương trình sẽ không mở tệp này để không mất thêm dữ liệu. Nếu có bản sao lưu trên USB, hãy cắm USB vào và chạy lệnh: chibo restore --db &quot;{path}&quot; &lt;tệp sao lưu&gt;; nếu không, hãy nhờ người hỗ trợ và giữ nguyên tệp bị hỏng.</translation>
    </message>
    <message>
        <source>The data file {path} is damaged ({problem}).

The newest good backup is:
{backup}

Restore it? Whatever was entered after it will have to be entered again. The damaged file is kept in the backup folder, not deleted.</source>
        <translation>Tệp dữ liệu {path} bị hỏng ({problem}).

Bản sao lưu tốt gần nhất là:
{backup}

Khôi phục bản này? Những gì nhập sau thời điểm đó sẽ phải nhập lại. Tệp bị hỏng được giữ lại trong thư mục sao lưu, không bị xóa.</translation>
    </message>
    <message>
        <source>The app is already open</source>
        <translation>Chương trình đang mở</translation>
    </message>
    <message>
        <source>The branch&apos;s records ({path}) are already open in another window of the app. Use that window: two windows writing to the same records could lose changes.</source>
        <translation>Hồ sơ chi bộ ({path}) đang được mở trong một cửa sổ khác của chương trình. Hãy dùng cửa sổ đó: hai cửa sổ cùng ghi vào một hồ sơ có thể làm mất thay đổi.</translation>
    </message>
    <message>
        <source>Cannot open the data file</source>
        <translation>Không mở được tệp dữ liệu</translation>
    </message>
    <message>
        <source>The data file {path} could not be opened: {reason}

Nothing was changed. Close other copies of the app and try again; if it still fails, restore a backup.</source>
        <translation>Không mở được tệp dữ liệu {path}: {reason}

Chưa có gì bị thay đổi. Hãy đóng các cửa sổ khác của phần mềm rồi thử lại; nếu vẫn không được, hãy khôi phục từ bản sao lưu.</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Đã hủy; chưa ghi gì.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Official</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>Temporarily attached</source>
        <translation>Sinh hoạt tạm thời</translation>
    </message>
    <message>
        <source>Temporarily away</source>
        <translation>Sinh hoạt tạm thời nơi khác</translation>
    </message>
    <message>
        <source>Exempted</source>
        <translation>Miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Đình chỉ sinh hoạt</translation>
    </message>
    <message>
        <source>No longer in the branch</source>
        <translation>Không còn sinh hoạt tại chi bộ</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Record a step to admission</source>
        <translation>Ghi một bước kết nạp</translation>
    </message>
    <message>
        <source>Saving the ceremony lists {name} as a probationary member from that day.</source>
        <translation>Lưu lễ kết nạp sẽ ghi {name} là đảng viên dự bị từ ngày đó.</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Ngày</translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation>Nội &amp;dung</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Ghi chú</translation>
    </message>
</context>
<context>
    <name>StickPassphraseDialog</name>
    <message>
        <source>Back up to a folder or USB stick</source>
        <translation>Sao lưu ra thư mục hoặc USB</translation>
    </message>
    <message>
        <source>The backup to {folder} is locked with a passphrase, so whoever finds the stick cannot read the roster. Keep the passphrase apart from the stick (not written on it): without it the backup cannot be restored.</source>
        <translation>Bản sao lưu vào {folder} được khóa bằng mật khẩu, để ai nhặt được USB cũng không đọc được danh sách đảng viên. Hãy giữ mật khẩu riêng, không ghi lên USB: không có mật khẩu thì không khôi phục được bản sao lưu.</translation>
    </message>
    <message>
        <source>Passphrase (at least 8 characters)</source>
        <translation>Mật khẩu (ít nhất 8 ký tự)</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>A passphrase needs at least 8 characters.</source>
        <translation>Mật khẩu cần ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type them again.</source>
        <translation>Hai lần nhập mật khẩu khác nhau. Hãy nhập lại.</translation>
    </message>
</context>
<context>
    <name>StickReminder</name>
    <message>
        <source>Copy to a USB stick now…</source>
        <translation>Sao lưu ra USB ngay…</translation>
    </message>
    <message>
        <source>Remind after…</source>
        <translation>Nhắc sau…</translation>
    </message>
    <message>
        <source>After how many days without a copy to a USB stick to remind you</source>
        <translation>Sau bao nhiêu ngày chưa sao lưu ra USB thì nhắc</translation>
    </message>
    <message>
        <source>USB stick &amp;reminder…</source>
        <translation>Nhắc sao lưu ra &amp;USB…</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Nhắc việc</translation>
    </message>
    <message>
        <source>Remind me to copy the records to a USB stick after this many days:</source>
        <translation>Nhắc sao lưu hồ sơ ra USB sau số ngày:</translation>
    </message>
    <message>
        <source>Never copied to a USB stick</source>
        <translation>Chưa từng sao lưu ra USB</translation>
    </message>
    <message>
        <source>Last copy to a USB stick: today</source>
        <translation>Sao lưu ra USB gần nhất: hôm nay</translation>
    </message>
    <message>
        <source>Last copy to a USB stick: yesterday</source>
        <translation>Sao lưu ra USB gần nhất: hôm qua</translation>
    </message>
    <message numerus="yes">
        <source>Last copy to a USB stick: {days} day(s) ago</source>
        <translation>
            <numerusform>Sao lưu ra USB gần nhất: {days} ngày trước</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The disk holding the data file {path} is full, so the change was not saved. Nothing already saved was lost. Free some space (empty the recycle bin, move old files away) and try again.</source>
        <translation>Ổ đĩa chứa tệp dữ liệu {path} đã đầy nên thay đổi vừa rồi chưa được lưu. Những gì đã lưu trước đó vẫn còn nguyên. Hãy giải phóng bớt dung lượng (dọn Thùng rác, chuyển bớt tệp cũ đi nơi khác) rồi làm lại.</translation>
    </message>
    <message>
        <source>The data file {path} or its folder cannot be written to (it is read-only), so the change was not saved. Nothing already saved was lost. Ask whoever manages this computer to allow writing there, or move the data to a folder you can write to.</source>
        <translation>Tệp dữ liệu {path} hoặc thư mục chứa nó đang ở chế độ chỉ đọc nên thay đổi vừa rồi chưa được lưu. Những gì đã lưu trước đó vẫn còn nguyên. Hãy nhờ người quản lý máy cho phép ghi vào đó, hoặc chuyển dữ liệu sang thư mục được phép ghi.</translation>
    </message>
    <message>
        <source>The data file {path} is busy in another program, so the change was not saved. Nothing already saved was lost. Close other copies of the app or other programs using the file, then try again.</source>
        <translation>Tệp dữ liệu {path} đang bị một chương trình khác sử dụng nên thay đổi vừa rồi chưa được lưu. Những gì đã lưu trước đó vẫn còn nguyên. Hãy đóng các cửa sổ khác của chương trình hoặc chương trình khác đang dùng tệp này rồi làm lại.</translation>
    </message>
    <message>
        <source>The computer could not read or write the data file {path} (the disk or drive did not answer). The change was not saved; nothing already saved was lost. Check that the drive is connected, then try again.</source>
        <translation>Máy tính không đọc hoặc ghi được tệp dữ liệu {path} (ổ đĩa không trả lời). Thay đổi vừa rồi chưa được lưu; những gì đã lưu trước đó vẫn còn nguyên. Hãy kiểm tra ổ đĩa đã được cắm chắc chưa rồi làm lại.</translation>
    </message>
    <message>
        <source>The data file {path} could not be opened: the folder is missing or cannot be written to. Check that the drive is connected and that you may write in that folder.</source>
        <translation>Không mở được tệp dữ liệu {path}: thư mục không còn hoặc không được phép ghi. Hãy kiểm tra ổ đĩa đã được cắm chưa và thư mục đó có được phép ghi không.</translation>
    </message>
    <message>
        <source>The data file {path} is damaged. Do not keep working in it: restore the newest good backup (File → Restore from a backup).</source>
        <translation>Tệp dữ liệu {path} bị hỏng. Đừng tiếp tục làm việc trên tệp này: hãy khôi phục bản sao lưu tốt gần nhất (Tệp → Khôi phục từ bản sao lưu).</translation>
    </message>
    <message>
        <source>The data file {path} is still being checked for damage (a large file takes a few seconds after the app opens), so the change was not saved yet. Nothing was lost; try again in a moment.</source>
        <translation>Tệp dữ liệu {path} vẫn đang được kiểm tra xem có bị hỏng không (tệp lớn cần vài giây sau khi mở ứng dụng), nên thay đổi chưa được lưu. Không mất gì cả; hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>The data file {path} is no longer where it was (it was moved, deleted or its drive was removed), so the change was not saved. Put the file back, or restore the newest backup, then start the app again.</source>
        <translation>Tệp dữ liệu {path} không còn ở chỗ cũ (đã bị chuyển đi, bị xóa hoặc ổ đĩa đã bị rút ra) nên thay đổi vừa rồi chưa được lưu. Hãy đặt tệp về chỗ cũ hoặc khôi phục bản sao lưu gần nhất, rồi mở lại chương trình.</translation>
    </message>
    <message>
        <source>The data file {path} is on a network drive. The branch&apos;s records must be kept on this computer&apos;s own disk (a network can drop halfway through a save and damage them). Keep them in the usual place (%LOCALAPPDATA%\chibo-desktop) and copy backups to the network or a USB stick instead.</source>
        <translation>Tệp dữ liệu {path} nằm trên ổ mạng. Hồ sơ của chi bộ phải được giữ trên ổ đĩa của chính máy này (mạng có thể bị ngắt giữa lúc lưu và làm hỏng dữ liệu). Hãy để hồ sơ ở chỗ thường dùng (%LOCALAPPDATA%\chibo-desktop), còn bản sao lưu thì có thể chép lên mạng hoặc USB.</translation>
    </message>
    <message>
        <source>The data file {path} is in a folder that OneDrive, Google Drive or Dropbox keeps in sync. Those programs copy the file while it is being saved and can bring back an older or a conflicting copy. Keep the records in the usual place (%LOCALAPPDATA%\chibo-desktop), outside the synced folder; a backup may go there.</source>
        <translation>Tệp dữ liệu {path} nằm trong thư mục được OneDrive, Google Drive hoặc Dropbox đồng bộ. Các chương trình đó sao chép tệp ngay lúc đang lưu và có thể đưa về một bản cũ hơn hoặc bản xung đột. Hãy để hồ sơ ở chỗ thường dùng (%LOCALAPPDATA%\chibo-desktop), ngoài thư mục đồng bộ; bản sao lưu thì có thể để ở đó.</translation>
    </message>
    <message>
        <source>The data file {path} is on a USB stick or another removable drive. Pulling it out while the app saves would damage the records. Keep them on this computer&apos;s own disk (the usual place is %LOCALAPPDATA%\chibo-desktop) and use File → Back up to a USB stick to carry a copy.</source>
        <translation>Tệp dữ liệu {path} nằm trên USB hoặc ổ đĩa rời. Rút ổ ra khi ứng dụng đang lưu sẽ làm hỏng hồ sơ. Hãy giữ hồ sơ trên ổ đĩa của chính máy này (chỗ thường dùng là %LOCALAPPDATA%\chibo-desktop) và dùng Tệp → Sao lưu ra USB để mang theo một bản sao.</translation>
    </message>
    <message>
        <source>The data file {path} was made by a newer version of the app ({version}). This version cannot read it and has changed nothing. Install chibo-desktop {version} or newer, then open the file again.</source>
        <translation>Tệp dữ liệu {path} được tạo bởi phiên bản mới hơn của ứng dụng ({version}). Phiên bản này không đọc được tệp và chưa thay đổi gì. Hãy cài chibo-desktop {version} hoặc mới hơn rồi mở lại tệp.</translation>
    </message>
    <message>
        <source>The database server {path} did not answer or refused the login, so nothing was read or saved. Check that the server is running and reachable from this computer, and that the user name, password and database name are right (ask the server&apos;s administrator), then try again.</source>
        <translation>Máy chủ cơ sở dữ liệu {path} không trả lời hoặc từ chối đăng nhập, nên chưa đọc hay lưu gì. Hãy kiểm tra máy chủ đang chạy và máy này kết nối được tới nó, tên người dùng, mật khẩu và tên cơ sở dữ liệu là đúng (hỏi người quản trị máy chủ), rồi làm lại.</translation>
    </message>
    <message>
        <source>This installation cannot reach a PostgreSQL database ({path}): its driver is missing. Install the app with its PostgreSQL part (pip install &quot;chibo-desktop[postgresql]&quot;), or open a data file instead.</source>
        <translation>Bản cài đặt này chưa kết nối được cơ sở dữ liệu PostgreSQL ({path}): thiếu trình điều khiển. Hãy cài chương trình kèm phần PostgreSQL (pip install &quot;chibo-desktop[postgresql]&quot;), hoặc mở một tệp dữ liệu.</translation>
    </message>
    <message>
        <source>“{path}” is not a database address. Write it as postgresql://user@host/database (or give a data file).</source>
        <translation>“{path}” không phải địa chỉ cơ sở dữ liệu. Hãy ghi postgresql://người_dùng@máy_chủ/tên_csdl (hoặc chỉ ra một tệp dữ liệu).</translation>
    </message>
    <message>
        <source>The records are kept in the PostgreSQL database {path}, not in a data file, so this step (which copies, checks or replaces a file) does not apply. The server&apos;s administrator backs it up and restores it with pg_dump and pg_restore; “chibo backup” writes such a dump.</source>
        <translation>Hồ sơ được lưu trong cơ sở dữ liệu PostgreSQL {path}, không phải trong một tệp dữ liệu, nên bước này (chép, kiểm tra hoặc thay một tệp) không áp dụng. Người quản trị máy chủ sao lưu và khôi phục bằng pg_dump và pg_restore; “chibo backup” ghi ra một bản sao lưu như vậy.</translation>
    </message>
</context>
<context>
    <name>Term</name>
    <message>
        <source>Give the term a name, e.g. Nhiệm kỳ 2020–2025.</source>
        <translation>Đặt tên cho nhiệm kỳ, ví dụ Nhiệm kỳ 2020–2025.</translation>
    </message>
    <message>
        <source>The name is too long: at most {limit} characters.</source>
        <translation>Tên quá dài: tối đa {limit} ký tự.</translation>
    </message>
    <message>
        <source>A term named “{name}” is already set: choose another name.</source>
        <translation>Đã có nhiệm kỳ tên “{name}”: hãy chọn tên khác.</translation>
    </message>
    <message>
        <source>Write the first day of the term (the congress), dd/mm/yyyy.</source>
        <translation>Ghi ngày đầu của nhiệm kỳ (ngày đại hội), dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>Write the last day of the term, dd/mm/yyyy.</source>
        <translation>Ghi ngày cuối của nhiệm kỳ, dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>The term must end after it starts: check the two dates.</source>
        <translation>Nhiệm kỳ phải kết thúc sau ngày bắt đầu: hãy kiểm tra lại hai ngày.</translation>
    </message>
    <message>
        <source>These dates overlap “{name}” ({start}–{end}): a day belongs to one term.</source>
        <translation>Các ngày này trùng với “{name}” ({start}–{end}): mỗi ngày chỉ thuộc một nhiệm kỳ.</translation>
    </message>
    <message>
        <source>The target is a number of new members, 0 or more (or leave it empty).</source>
        <translation>Chỉ tiêu là số đảng viên kết nạp mới, từ 0 trở lên (hoặc để trống).</translation>
    </message>
    <message>
        <source>{admitted} new members, {over}% over the target of {target}</source>
        <translation>kết nạp {admitted} đảng viên mới, vượt {over}% chỉ tiêu {target}</translation>
    </message>
    <message>
        <source>{admitted} new members, {percent}% of the target of {target}</source>
        <translation>kết nạp {admitted} đảng viên mới, đạt {percent}% chỉ tiêu {target}</translation>
    </message>
    <message>
        <source>The term was not saved: some fields need attention.</source>
        <translation>Chưa lưu nhiệm kỳ: có ô cần sửa.</translation>
    </message>
    <message>
        <source>“{typed}” is not a period. {forms} Terms set up: {names}.</source>
        <translation>“{typed}” không phải là một kỳ báo cáo. {forms} Các nhiệm kỳ đã khai báo: {names}.</translation>
    </message>
    <message>
        <source>“{typed}” is not a period. {forms}</source>
        <translation>“{typed}” không phải là một kỳ báo cáo. {forms}</translation>
    </message>
</context>
<context>
    <name>TermsDialog</name>
    <message>
        <source>Terms (nhiệm kỳ)</source>
        <translation>Nhiệm kỳ</translation>
    </message>
    <message>
        <source>A term runs from one congress of the branch to the next. Its name can be chosen as a period in the figures and reports, and its target for new members is compared with the admissions.</source>
        <translation>Nhiệm kỳ tính từ đại hội chi bộ này đến đại hội sau. Có thể chọn tên nhiệm kỳ làm kỳ báo cáo trong số liệu và báo cáo; chỉ tiêu kết nạp đảng viên của nhiệm kỳ được so với số đã kết nạp.</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Nhiệm kỳ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Admissions against the target</source>
        <translation>Kết nạp so với chỉ tiêu</translation>
    </message>
    <message>
        <source>e.g. Nhiệm kỳ 2020–2025</source>
        <translation>ví dụ Nhiệm kỳ 2020–2025</translation>
    </message>
    <message>
        <source>e.g. 40 (leave empty if the resolution set none)</source>
        <translation>ví dụ 40 (để trống nếu nghị quyết không đặt chỉ tiêu)</translation>
    </message>
    <message>
        <source>e.g. Nghị quyết Đại hội Chi bộ lần thứ X</source>
        <translation>ví dụ Nghị quyết Đại hội Chi bộ lần thứ X</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>First day (the congress)</source>
        <translation>Ngày đầu (ngày đại hội)</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Ngày cuối</translation>
    </message>
    <message>
        <source>Target: new members over the term</source>
        <translation>Chỉ tiêu kết nạp đảng viên cả nhiệm kỳ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>Nhiệm kỳ mới</translation>
    </message>
    <message>
        <source>Save the term</source>
        <translation>Lưu nhiệm kỳ</translation>
    </message>
    <message>
        <source>Delete the term</source>
        <translation>Xóa nhiệm kỳ</translation>
    </message>
    <message numerus="yes">
        <source>{admitted} new member(s) (no target set)</source>
        <translation>
            <numerusform>kết nạp {admitted} đảng viên mới (chưa đặt chỉ tiêu)</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop what was typed?</source>
        <translation>Bỏ nội dung đã gõ?</translation>
    </message>
    <message>
        <source>The term in the form has changes that are not saved. Drop them?</source>
        <translation>Nhiệm kỳ trong ô nhập có thay đổi chưa lưu. Bỏ các thay đổi đó?</translation>
    </message>
    <message>
        <source>Change “{name}”</source>
        <translation>Sửa “{name}”</translation>
    </message>
    <message>
        <source>The term was not saved: some fields need attention.</source>
        <translation>Chưa lưu nhiệm kỳ: có ô cần sửa.</translation>
    </message>
    <message>
        <source>Delete the term?</source>
        <translation>Xóa nhiệm kỳ?</translation>
    </message>
    <message>
        <source>Delete “{name}”? Its dates and target are removed; the members, meetings and loans stay.</source>
        <translation>Xóa “{name}”? Ngày tháng và chỉ tiêu của nhiệm kỳ bị xóa; đảng viên, cuộc họp và khoản vay vẫn giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Branch records — locked</source>
        <translation>Hồ sơ chi bộ — đang khóa</translation>
    </message>
    <message>
        <source>The app is locked. Type the password to open it.</source>
        <translation>Chương trình đang khóa. Hãy nhập mật khẩu để mở.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Forgot the password?</source>
        <translation>Quên mật khẩu?</translation>
    </message>
    <message>
        <source>Type the recovery code written down when the password was set, and a new password.</source>
        <translation>Nhập mã khôi phục đã chép lại khi đặt mật khẩu, và mật khẩu mới.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <source>That password is not right. Try again, or use the recovery code.</source>
        <translation>Mật khẩu không đúng. Hãy thử lại, hoặc dùng mã khôi phục.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter the date of the event.</source>
        <translation>Hãy nhập ngày của sự kiện.</translation>
    </message>
    <message>
        <source>Some fields need attention; see the messages beside them.</source>
        <translation>Một số ô cần được sửa; xem thông báo bên cạnh từng ô.</translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy, for example 05/02/1970.</source>
        <translation>Hãy viết ngày theo dạng ngày/tháng/năm, ví dụ 05/02/1970.</translation>
    </message>
    <message>
        <source>There is no month {month}. Write the day first, then the month: dd/mm/yyyy, for example 05/02/1970.</source>
        <translation>Không có tháng {month}. Hãy ghi ngày trước, tháng sau: ngày/tháng/năm, ví dụ 05/02/1970.</translation>
    </message>
    <message>
        <source>The year {year} is too early: check it (all four digits, e.g. 1970).</source>
        <translation>Năm {year} là quá sớm: hãy kiểm tra lại (ghi đủ 4 chữ số, ví dụ 1970).</translation>
    </message>
    <message>
        <source>There is no day {day} in {month}/{year} (that month has {days} days).</source>
        <translation>Tháng {month}/{year} không có ngày {day} (tháng này có {days} ngày).</translation>
    </message>
    <message>
        <source>Write a year (2024), a quarter (2024-Q2), a month (2024-05), a range of days (2020-09-01..2025-06-30 or 01/09/2020..30/06/2025) or the name of a term set up in Nhiệm kỳ.</source>
        <translation>Ghi một năm (2024), một quý (2024-Q2), một tháng (2024-05), một khoảng ngày (2020-09-01..2025-06-30 hoặc 01/09/2020..30/06/2025) hoặc tên một nhiệm kỳ đã khai báo ở mục Nhiệm kỳ.</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}): put the first day first, e.g. 01/09/2020..30/06/2025.</source>
        <translation>Kỳ báo cáo kết thúc ({end}) trước khi bắt đầu ({start}): hãy ghi ngày đầu trước, ví dụ 01/09/2020..30/06/2025.</translation>
    </message>
    <message>
        <source>first</source>
        <translation>đầu</translation>
    </message>
    <message>
        <source>last</source>
        <translation>cuối</translation>
    </message>
    <message>
        <source>The {which} day of the period, “{part}”, is not a date: {problem}</source>
        <translation>Ngày {which} của kỳ báo cáo, “{part}”, không phải là một ngày: {problem}</translation>
    </message>
    <message>
        <source>Enter the date the member joined this branch.</source>
        <translation>Hãy nhập ngày đảng viên đến sinh hoạt tại chi bộ.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Ngày này chưa đến.</translation>
    </message>
    <message>
        <source>A member cannot join the branch before being admitted to the Party.</source>
        <translation>Đảng viên không thể đến sinh hoạt trước ngày vào Đảng.</translation>
    </message>
    <message>
        <source>Choose a hamlet of this branch.</source>
        <translation>Hãy chọn một tổ của chi bộ.</translation>
    </message>
    <message>
        <source>Digit 4 of the ID number is {digit}, which is given to men; this member is a woman. Check the ID number and the gender.</source>
        <translation>Chữ số thứ 4 của số CCCD là {digit}, dành cho nam; đảng viên này là nữ. Hãy kiểm tra lại số CCCD và giới tính.</translation>
    </message>
    <message>
        <source>Digit 4 of the ID number is {digit}, which is given to women; this member is a man. Check the ID number and the gender.</source>
        <translation>Chữ số thứ 4 của số CCCD là {digit}, dành cho nữ; đảng viên này là nam. Hãy kiểm tra lại số CCCD và giới tính.</translation>
    </message>
    <message>
        <source>Digit 4 of the ID number is {digit}, which is given to people born {start}–{end}; this member was born in {year}. Check the ID number and the date of birth.</source>
        <translation>Chữ số thứ 4 của số CCCD là {digit}, dành cho người sinh năm {start}–{end}; đảng viên này sinh năm {year}. Hãy kiểm tra lại số CCCD và ngày sinh.</translation>
    </message>
    <message>
        <source>Digits 5 and 6 of the ID number are {digits}, the last two digits of the year of birth; this member was born in {year}. Check the ID number and the date of birth.</source>
        <translation>Chữ số thứ 5 và 6 của số CCCD là {digits}, tức hai số cuối của năm sinh; đảng viên này sinh năm {year}. Hãy kiểm tra lại số CCCD và ngày sinh.</translation>
    </message>
    <message>
        <source>Enter the member&apos;s full name.</source>
        <translation>Hãy nhập họ và tên đảng viên.</translation>
    </message>
    <message>
        <source>A name cannot contain digits.</source>
        <translation>Họ tên không được chứa chữ số.</translation>
    </message>
    <message>
        <source>Choose male or female.</source>
        <translation>Hãy chọn nam hoặc nữ.</translation>
    </message>
    <message>
        <source>Enter the date of birth.</source>
        <translation>Hãy nhập ngày sinh.</translation>
    </message>
    <message>
        <source>Enter the date of the admission ceremony.</source>
        <translation>Hãy nhập ngày vào Đảng (ngày kết nạp).</translation>
    </message>
    <message>
        <source>The ID number (CCCD) must be exactly 12 digits; you typed {count}.</source>
        <translation>Số CCCD phải có đúng 12 chữ số; bạn đã nhập {count} chữ số.</translation>
    </message>
    <message>
        <source>A phone number has 9 to 12 digits.</source>
        <translation>Số điện thoại có từ 9 đến 12 chữ số.</translation>
    </message>
    <message>
        <source>This date must come after the date of birth.</source>
        <translation>Ngày này phải sau ngày sinh.</translation>
    </message>
    <message>
        <source>A member must be at least {age} years old when admitted.</source>
        <translation>Đảng viên phải đủ {age} tuổi khi kết nạp.</translation>
    </message>
    <message>
        <source>The official date must come after the admission ceremony.</source>
        <translation>Ngày chính thức phải sau ngày vào Đảng.</translation>
    </message>
    <message>
        <source>An official member needs the date of the admission ceremony.</source>
        <translation>Đảng viên chính thức phải có ngày vào Đảng.</translation>
    </message>
    <message>
        <source>Character {position} is a hidden or control character ({code}), which the upper level refuses. Delete it (retype the words around it) and save again.</source>
        <translation>Ký tự thứ {position} là ký tự ẩn hoặc ký tự điều khiển ({code}), cấp trên không nhận. Hãy xóa ký tự đó (gõ lại các chữ quanh nó) rồi lưu lại.</translation>
    </message>
</context>
</TS>
