# explain: phân tích mã, bước tiếp theo, dữ liệu sự kiện c00402e7 (bản tiếng Anh: i18n/en/explain.ftl).
explain-valid-forms = một mã trạng thái mở rộng như 5.4.4 hoặc 4.4.7 (lớp 2, 4 hoặc 5 . chủ đề 0-7 . chi tiết), một mã phản hồi như 550, cả hai dưới dạng "550 5.1.1", hoặc dữ liệu sự kiện c00402e7
explain-not-a-code = '{ $input }' không phải là mã trạng thái: hãy nhập { $forms }
explain-bad-class = '{ $input }': lớp (chữ số đầu tiên) của mã trạng thái mở rộng là 2, 4 hoặc 5; hãy nhập { $forms }
explain-not-in-registry = '{ $input }': { $code } không có trong danh mục mã trạng thái mở rộng của IANA; hãy nhập { $forms }
explain-classes-disagree = '{ $input }': mã phản hồi { $basic } và mã mở rộng { $code } không cùng lớp
explain-not-a-reply-code = '{ $input }': { $basic } không phải là mã phản hồi SMTP (RFC 5321); hãy nhập { $forms }
explain-step-diagnose = chạy `metabase-fix diagnose dns { $domain }` để xem máy chủ DNS có cắt ngắn phản hồi MX qua UDP và từ chối TCP hay không
explain-step-set-dns-mode = sau đó chạy `metabase-fix set-dns-mode` với giá trị được khuyến nghị (2 cho KB 820284, 1 cho KB 263237), rồi khởi động lại dịch vụ SMTP
explain-vendor-detail = { $text } (chi tiết { $detail } không có trong danh mục của IANA: mã riêng của nhà cung cấp)
explain-unknown = không rõ
explain-basic-fix = phần chữ sau mã, và mã trạng thái mở rộng (X.Y.Z) nếu máy chủ có gửi, sẽ cho biết thêm: `metabase-fix explain "550 5.1.1"`
event-class = Dữ liệu sự kiện 4000 của SMTPSVC (IIS 6 / Exchange 2003)
event-subject = DNS
event-detail = lỗi DNS nội bộ: dịch vụ SMTP không tìm thấy máy chủ thư của tên miền từ xa
event-cause-1 = máy chủ DNS chỉ trả lời qua UDP và từ chối TCP
event-cause-2 = phản hồi MX của tên miền quá lớn so với một gói UDP, nên bị cắt ngắn (bit TC)
event-cause-3 = dịch vụ SMTP được cấu hình dùng UDP trước, chuyển sang TCP khi phản hồi bị cắt ngắn (SmtpUseTcpDns là 0 hoặc chưa đặt): nó bỏ phản hồi bị cắt ngắn, thử lại qua TCP và thất bại (KB 820284)
event-cause-4 = hoặc trường hợp ngược lại: máy chủ DNS chỉ trả lời qua TCP (KB 263237)
event-fix-1 = đặt SmtpUseTcpDns = 2 (chỉ UDP: dùng phản hồi bị cắt ngắn) tại /LM/SmtpSvc cho KB 820284; 1 (chỉ TCP) cho KB 263237
event-fix-2 = hoặc cấu hình máy chủ DNS trả lời qua TCP
