# Thông báo, cảnh báo, lỗi và nhãn (bản tiếng Anh: i18n/en/main.ftl).

label-warning = cảnh báo
label-error = lỗi

## Lỗi
error-no-file = chưa chỉ định tệp metabase: hãy truyền --file PATH (hoặc đặt METABASE_FILE){ $hint }
hint-no-file-windows = {" "}(biến %SystemRoot% chưa được đặt nên không tìm được đường dẫn mặc định)
hint-no-file-elsewhere = ; trên hệ thống này không có đường dẫn mặc định: hãy trỏ đến một bản sao của MetaBase.xml hoặc đến thư mục chia sẻ quản trị của máy chủ
error-key-not-found = { $file }: không có khóa nào có Location="{ $location }" (dịch vụ SMTP đã được cài đặt chưa? `metabase-fix show` liệt kê các khóa bên dưới nó)
error-locked = { $file }: tệp đang bị một lần chạy khác khóa (nhiều khả năng là metabase-fix của một quản trị viên khác); đã chờ { $seconds } giây; chưa có gì thay đổi: hãy chờ lần chạy đó kết thúc rồi chạy lại, hoặc tăng --lock-timeout
error-changed-under-us = { $file }: tệp đã thay đổi trong lúc metabase-fix đang xử lý (một trình soạn thảo khác, hoặc IIS đang lưu cấu hình); chưa ghi gì; hãy chạy lại lệnh

## Thao tác tệp thất bại (sau đó là lý do do hệ thống đưa ra)
io-check-file = không kiểm tra được tệp
io-lock = không khóa được tệp (hệ thống tệp này có hỗ trợ khóa không?)
io-read-metadata = không đọc được siêu dữ liệu
io-resolve-link = không phân giải được liên kết tượng trưng
io-not-found = không tìm thấy (hãy kiểm tra --file; trên máy chủ, tệp nằm ở %SystemRoot%\system32\inetsrv\MetaBase.xml)
io-access-denied = bị từ chối truy cập (hãy chạy với quyền quản trị viên, hoặc kiểm tra quyền trên thư mục chia sẻ)
io-open = không mở được
io-read = không đọc được
io-read-back-temp = không đọc lại được tệp tạm
io-temp-mismatch = nội dung đọc lại từ tệp tạm không khớp với nội dung đã ghi
io-verify-failed = kiểm tra thất bại
io-replace = không thay được tệp bằng phiên bản mới
io-create-temp = không tạo được tệp tạm cạnh tệp này
io-write-temp = không ghi được tệp tạm
io-copy-permissions = không sao chép được quyền truy cập sang tệp tạm
io-flush-temp = không đẩy được dữ liệu của tệp tạm xuống đĩa
io-out-of-memory = không đủ bộ nhớ để đọc { $bytes } byte
io-grew = tệp đã lớn quá { $limit } GiB trong lúc đang được đọc
io-read-history-folder = không đọc được thư mục History của IIS (EnableHistory đang tắt, hay đây là một bản sao không có thư mục đó?)
io-read-history-file = không đọc được tệp lịch sử
io-read-stdin = không đọc được đầu vào chuẩn
io-read-report = không đọc được báo cáo

## Đầu vào không phải là tệp metabase
input-is-folder = là thư mục, không phải tệp: hãy truyền đường dẫn của chính tệp MetaBase.xml
input-not-regular = không phải là tệp thông thường (thiết bị, pipe hoặc socket): hãy truyền đường dẫn của chính tệp MetaBase.xml
input-too-big = có kích thước { $bytes } byte, vượt quá { $limit } GiB mà công cụ này đọc (một metabase chỉ vài MB): đây có đúng là tệp cần sửa không?
input-no-folder = không có thư mục chứa

## Bản sao lưu
backup-cannot-create-dir = không tạo được thư mục sao lưu: { $cause }; chưa có gì thay đổi; hãy dùng --backup-dir để chỉ định một thư mục bạn có quyền ghi
backup-cannot-write = không ghi được bản sao lưu { $path } ({ $step }: { $cause }); chưa có gì thay đổi
backup-step-create = tạo
backup-step-write = ghi
backup-step-flush = đẩy xuống đĩa
backup-step-rename = đổi tên
backup-no-data-folder = không tìm thấy thư mục dữ liệu cục bộ để lưu các bản sao lưu: hãy truyền --backup-dir DIR (hoặc đặt METABASE_FIX_BACKUP_DIR)
backup-cannot-list = không liệt kê được thư mục sao lưu: { $cause }
backup-none-here = ở đây không có bản sao lưu nào của { $file }; metabase-fix tạo một bản trước mỗi lần thay đổi (hoặc hãy truyền --backup-dir đã dùng lúc đó)
backup-no-such-id = không có bản sao lưu '{ $id }' của { $file }; `metabase-fix backups` liệt kê các bản sao lưu
backup-ambiguous-id = '{ $id }' khớp với { $count } bản sao lưu; hãy nhập ID dài hơn
backup-cannot-read = không đọc được bản sao lưu { $id }: { $cause }
backup-damaged = bản sao lưu { $id } đã bị hỏng: SHA-256 của nó là { $actual }, nhưng bản ghi lưu giá trị { $recorded }; chưa khôi phục (hãy chọn bản khác bằng `metabase-fix backups`)
backups-none = Không có bản sao lưu nào của { $file } trong { $folder }.
backups-col-id = ID
backups-col-time = THỜI GIAN (UTC)
backups-col-size = KÍCH THƯỚC
backups-col-operation = THAO TÁC

## Thư mục History của IIS
history-none = Không có tệp lịch sử nào trong { $folder }.
history-no-such = không có tệp lịch sử '{ $which }': hãy nhập đường dẫn, tên tệp, hoặc phiên bản dạng MAJOR hay MAJOR_MINOR (`metabase-fix backups --history` liệt kê các tệp)
history-col-version = PHIÊN BẢN
history-col-time = THỜI GIAN (UTC)
history-col-size = KÍCH THƯỚC
history-col-file = TỆP
history-col-well-formed = HỢP LỆ
history-well-formed-yes = có
history-well-formed-no = KHÔNG
history-not-well-formed = { $version }: { $problem }; IIS sẽ không nạp được tệp này: đừng khôi phục nó
history-unreadable = không đọc được: { $error }

## diagnose dns
diagnose-no-resolver = không tìm thấy trình phân giải DNS của hệ thống (không có nameserver trong /etc/resolv.conf): hãy truyền --server IP
diagnose-heading = MX của { $domain } tại { $server }:
diagnose-label-udp = UDP (không EDNS, 512 byte):
diagnose-label-tcp = TCP:
diagnose-agree = Khớp nhau: { $agree }
diagnose-agree-yes = có
diagnose-agree-no = không (phản hồi qua UDP và TCP khác nhau)
diagnose-agree-unknown = không rõ (một giao thức truyền không nhận được phản hồi)
diagnose-verdict = Kết luận: { $verdict }
diagnose-recommended = Khuyến nghị: metabase-fix set-dns-mode { $mode }
diagnose-then-restart = sau đó khởi động lại dịch vụ SMTP (net stop smtpsvc && net start smtpsvc).
diagnose-recommended-leave = Khuyến nghị: để SmtpUseTcpDns chưa đặt hoặc bằng 0 (chỉ chạy metabase-fix set-dns-mode 0 nếu giá trị đã bị thay đổi).
verdict-kb-820284 = phản hồi qua UDP bị cắt ngắn và TCP thất bại: đây là trường hợp của KB 820284; với giá trị 0, dịch vụ SMTP bỏ phản hồi bị cắt ngắn, thử lại qua TCP và thất bại (sự kiện 4000, c00402e7). Hãy đặt 2 (udp-only) để dịch vụ dùng phản hồi bị cắt ngắn.
verdict-kb-263237 = UDP không nhận được phản hồi nhưng TCP thì có: đây là trường hợp của KB 263237 (máy chủ DNS chỉ trả lời qua TCP). Hãy đặt 1 (tcp-only).
verdict-no-change-needed = cả UDP và TCP đều nhận được phản hồi: giá trị mặc định (0, dùng UDP rồi chuyển sang TCP khi bị cắt ngắn) hoạt động tốt; không cần thay đổi.
verdict-udp-only-server = UDP nhận được phản hồi đầy đủ còn TCP thất bại: thư gửi đến tên miền này vẫn đi được với giá trị mặc định (0); tên miền nào có phản hồi MX quá lớn so với UDP sẽ bị lỗi, và giá trị 2 (udp-only) sẽ bảo vệ các tên miền đó.
verdict-dns-unreachable = cả UDP lẫn TCP đều không nhận được phản hồi: không kết nối được DNS hoặc DNS bị lỗi; không giá trị metabase nào giúp được. Hãy kiểm tra địa chỉ máy chủ, tường lửa và dịch vụ DNS.
dns-no-answer = không có phản hồi: { $error }
dns-no-answer-after = không có phản hồi: { $error } sau { $ms } ms
dns-answered = đã trả lời { $rcode }, TC { $tc }, { $count } MX, { $ms } ms
dns-tc-set = bật (bị cắt ngắn)
dns-tc-clear = tắt
dns-error-timeout = hết thời gian chờ
dns-error-refused = bị từ chối
dns-error-reset = bị đặt lại
dns-error-closed = bị đóng mà không có phản hồi
dns-error-mismatch = phản hồi không khớp với truy vấn
dns-bad-domain = '{ $domain }' không phải là tên miền: hãy nhập tên miền thư của người nhận, ví dụ contoso.com
dns-bad-domain-because = '{ $domain }' không phải là tên miền ({ $cause }): ví dụ contoso.com
dns-bad-server = '{ $server }' không phải là địa chỉ máy chủ DNS: hãy nhập IP hoặc IP:PORT, ví dụ 192.0.2.53 hoặc [2001:db8::53]:53

## Nhãn của explain
explain-reply-code = mã phản hồi { $code }: { $text }
explain-label-causes = Nguyên nhân có thể:
explain-label-fixes = Cách khắc phục:
explain-label-next-steps = Bước tiếp theo:
