# --help của mọi lệnh và tùy chọn (bản tiếng Anh: i18n/en/cli.ftl).

cli-root-about = Áp dụng KB 820284 (SmtpUseTcpDns) vào MetaBase.xml của IIS 6 chính xác đến từng byte, có sao lưu, hiển thị khác biệt (diff) và khôi phục
cli-root-after-help = Mã thoát: 0 hoàn tất (hoặc không có gì phải làm), 1 thất bại (tệp không thay đổi), 2 dùng sai cú pháp.
cli-root-file = Tệp MetaBase.xml cần đọc hoặc sửa [mặc định trên Windows: %SystemRoot%\system32\inetsrv\MetaBase.xml]
cli-root-backup-dir = Nơi lưu các bản sao lưu [mặc định: <thư mục dữ liệu cục bộ>/metabase-fix/backups]
cli-root-json = In đúng một tài liệu JSON ra stdout (kèm cả các cảnh báo)
cli-root-quiet = Chỉ in lỗi
cli-root-color = Khi nào tô màu đầu ra (auto: chỉ khi là terminal, không tô khi có NO_COLOR)
cli-root-lock-timeout = Số giây chờ một lần chạy metabase-fix khác trên cùng tệp kết thúc
cli-root-lang = Ngôn ngữ của thông báo, bảng và trợ giúp [mặc định: METABASE_FIX_LANG, nếu không thì ngôn ngữ của hệ thống, nếu không nữa thì en]

cli-set-dns-mode-about = Đặt SmtpUseTcpDns (ID 36997) tại một khóa: thêm mới hoặc cập nhật, không thay đổi gì khác
cli-set-dns-mode-mode = 0 hoặc udp-then-tcp, 1 hoặc tcp-only, 2 hoặc udp-only (cách khắc phục của KB 820284)
cli-set-dns-mode-location = Khóa metabase cần đặt giá trị (một máy chủ ảo: /LM/SmtpSvc/1)
cli-set-dns-mode-dry-run = Không thay đổi gì trên đĩa; khi dùng với --diff, hiển thị những gì sẽ thay đổi
cli-set-dns-mode-diff = In bản diff hợp nhất (unified diff) của thay đổi ra stdout
cli-value-mode-udp-then-tcp = 0: dùng UDP trước, thử lại qua TCP khi phản hồi bị cắt ngắn
cli-value-mode-tcp-only = 1: chỉ TCP (KB 263237: máy chủ DNS chỉ trả lời qua TCP)
cli-value-mode-udp-only = 2: chỉ UDP, dùng nguyên phản hồi bị cắt ngắn (cách khắc phục của KB 820284)

cli-show-about = Hiển thị SmtpUseTcpDns tại khóa của dịch vụ SMTP và mọi khóa bên dưới nó
cli-show-location = Khóa bắt đầu; mọi khóa bên dưới nó cũng được liệt kê
cli-check-about = Kiểm tra xem IIS có nạp được tệp hay không: mọi lỗi, kèm dòng, cột và dấu ^ chỉ vị trí

cli-backups-about = Liệt kê các bản sao lưu của tệp này, mới nhất trước (hoặc các bản sao History của chính IIS)
cli-backups-history = Thay vào đó, liệt kê các bản sao có phiên bản của chính IIS trong History\ cạnh metabase

cli-restore-about = Khôi phục một bản sao lưu (bản mới nhất, hoặc bản được chỉ định), có kiểm tra và nguyên tử
cli-restore-backup = ID bản sao lưu (lấy từ `backups`); mặc định: bản sao lưu mới nhất của tệp này
cli-restore-from-history = Khôi phục một bản sao History của IIS: đường dẫn tệp hoặc phiên bản (major hoặc major_minor)
cli-restore-dry-run = Không thay đổi gì trên đĩa; khi dùng với --diff, hiển thị những gì sẽ thay đổi
cli-restore-diff = In bản diff hợp nhất (unified diff) của thay đổi ra stdout

cli-diagnose-about = Kiểm tra các điều kiện cần khắc phục trước khi thay đổi bất cứ điều gì
cli-diagnose-dns-about = Truy vấn bản ghi MX của một tên miền qua UDP (không EDNS) và TCP, giống như dịch vụ SMTP
cli-diagnose-dns-domain = Tên miền thư có bản ghi MX không phân giải được (ví dụ contoso.com)
cli-diagnose-dns-servers = Máy chủ DNS cần kiểm tra, IP[:PORT]; có thể lặp lại [mặc định: các trình phân giải của hệ thống]
cli-diagnose-dns-timeout-ms = Thời gian chờ cho mỗi truy vấn, tính bằng mili giây

cli-explain-about = Giải thích một mã trạng thái SMTP, dữ liệu sự kiện, hoặc một báo cáo không gửi được (NDR)
cli-explain-code = Một mã trạng thái: 5.4.4, 4.4.7, 550, "550 5.1.1", "#550 5.1.1", hoặc dữ liệu sự kiện c00402e7
cli-explain-ndr = Một báo cáo không gửi được (.eml / thư RFC 5322 nguyên bản); - để đọc từ stdin

cli-completions-about = In đoạn mã tự hoàn thành cho shell
cli-man-about = In trang man (roff)

cli-flag-help = In trợ giúp
cli-flag-help-long = In trợ giúp (xem bản tóm tắt bằng '-h')
cli-flag-version = In phiên bản
cli-help-about = In thông báo này hoặc trợ giúp của (các) lệnh con được chỉ định
cli-heading-usage = Cách dùng:
cli-heading-commands = Lệnh
cli-heading-arguments = Đối số
cli-heading-options = Tùy chọn
cli-value-name-command = COMMAND

cli-error-seconds = '{ $value }' không phải là số giây từ 0 đến 86400
cli-get-about = In giá trị của một thuộc tính tại một khóa: giá trị riêng, giá trị kế thừa hoặc giá trị mặc định (adsutil GET)
cli-get-location = Khóa, ví dụ /LM/SmtpSvc hoặc /LM/W3SVC/1/ROOT
cli-get-property = Tên thuộc tính (trong danh mục hoặc trong tệp) hoặc ID dạng số thập phân
cli-set-about = Đặt bất kỳ thuộc tính nào tại một khóa: đúng từng byte, có sao lưu, ghi nguyên tử (adsutil SET)
cli-set-location = Khóa, ví dụ /LM/SmtpSvc hoặc /LM/W3SVC/1/ROOT
cli-set-property = Tên thuộc tính (trong danh mục hoặc trong tệp) hoặc ID dạng số thập phân
cli-set-values = Giá trị; MULTISZ nhận mỗi mục là một đối số
cli-set-kind = Kiểu dữ liệu, cho một ID mà danh mục không biết
cli-set-user-type = Kiểu người dùng của phần tử Custom mới [mặc định: theo danh mục, nếu không có thì IIS_MD_UT_SERVER]
cli-set-attributes = Thuộc tính của phần tử Custom mới [mặc định: theo danh mục, nếu không có thì INHERIT]
cli-set-dry-run = Không thay đổi gì trên đĩa; cùng với --diff, cho xem những gì sẽ thay đổi
cli-set-diff = In ra stdout bản diff hợp nhất (unified diff) của thay đổi
cli-unset-about = Xóa một thuộc tính khỏi một khóa: đúng từng byte, có sao lưu, ghi nguyên tử (adsutil DELETE)
cli-unset-location = Khóa, ví dụ /LM/SmtpSvc hoặc /LM/W3SVC/1/ROOT
cli-unset-property = Tên thuộc tính (trong danh mục hoặc trong tệp) hoặc ID dạng số thập phân
cli-unset-dry-run = Không thay đổi gì trên đĩa; cùng với --diff, cho xem những gì sẽ thay đổi
cli-unset-diff = In ra stdout bản diff hợp nhất (unified diff) của thay đổi
cli-list-about = Liệt kê mọi thuộc tính được đặt tại một khóa (adsutil ENUM)
cli-list-location = Khóa, ví dụ /LM/SmtpSvc hoặc /LM/W3SVC/1/ROOT
cli-keys-about = Liệt kê các khóa (vị trí) trong tệp, hoặc một khóa và mọi khóa bên dưới nó
cli-keys-location = Liệt kê khóa này và mọi khóa bên dưới nó [mặc định: mọi khóa]
cli-properties-about = Tìm trong danh mục thuộc tính metabase có sẵn
cli-properties-pattern = Chỉ các thuộc tính có tên chứa chuỗi này (không phân biệt chữ hoa, chữ thường)
