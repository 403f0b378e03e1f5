## set-dns-mode và show (src/commands/set_dns_mode.rs, show.rs, common.rs),
## và lý do không lập được kế hoạch thay đổi (src/metabase/plan.rs). Tên chế
## độ (udp-then-tcp, tcp-only, udp-only) là giá trị: giữ nguyên.

# Ý nghĩa của một giá trị SmtpUseTcpDns theo KB 820284, sau tên của nó.
mode-meaning-udp-then-tcp = udp-then-tcp: dùng UDP, thử lại qua TCP khi phản hồi bị cắt ngắn
mode-meaning-tcp-only = tcp-only: chỉ TCP
mode-meaning-udp-only = udp-only: chỉ UDP, dùng nguyên phản hồi bị cắt ngắn
mode-meaning-default = giá trị mặc định của lược đồ (chưa đặt): hoạt động như 0, udp-then-tcp
mode-meaning-unknown = không phải giá trị mà KB định nghĩa

set-dns-mode-already = SmtpUseTcpDns tại { $location } ({ $form }, { $place }) đã là { $value } ({ $mode }): không cần làm gì; { $file } không bị thay đổi.
set-dns-mode-dry-run = Chạy thử: sẽ đặt SmtpUseTcpDns = { $value } ({ $meaning }) tại { $location } ({ $was }); chưa ghi gì cả.
set-dns-mode-done = Đã đặt SmtpUseTcpDns = { $value } ({ $meaning }) tại { $location } trong { $file } ({ $was }).

# show: các dòng nhãn/giá trị (mã tự căn lề), bảng, dòng ý nghĩa.
show-label-file = Tệp:
show-label-edit-while-running = Chỉnh sửa metabase trực tiếp:
show-edit-while-running-on = bật (EnableEditWhileRunning="1" tại /LM): IIS đọc tệp ngay khi tệp được lưu
show-edit-while-running-off = tắt (EnableEditWhileRunning="{ $value }"): hãy dừng IIS Admin trước khi chỉnh sửa
show-edit-while-running-unset = tắt (chưa đặt tại /LM): hãy dừng IIS Admin trước khi chỉnh sửa
show-col-location = VỊ TRÍ
show-col-value = GIÁ TRỊ
show-col-mode = CHẾ ĐỘ
show-col-source = NGUỒN
show-source-own = giá trị riêng: { $form }, { $place }
show-source-inherited = kế thừa từ { $from }
show-source-not-a-number = giá trị riêng "{ $raw }" không phải là số; coi như chưa đặt: mặc định, hoạt động như 0
show-source-default = chưa đặt: mặc định, hoạt động như 0
show-meaning = Ý nghĩa tại { $location }: { $meaning }

# Lý do không lập được kế hoạch: cần sửa tệp bằng tay trước.
plan-duplicate-key = có { $count } khóa có Location="{ $location }" (dòng { $lines }); IIS chỉ giữ một khóa cho mỗi vị trí, nên không thể đoán một cách an toàn khóa nào cần sửa: hãy gộp chúng bằng tay trước
plan-conflict-lines = { $message } (dòng { $lines })
plan-internal = lỗi nội bộ, chưa ghi gì cả: { $message }
plan-new-element-invalid = phần tử mới không phân tích được: { $error }
plan-duplicate-custom = { $location } có { $count } phần tử <Custom> với ID="{ $id }"; IIS chỉ giữ một phần tử cho mỗi ID, nên tệp này đã bị sửa bằng tay: hãy xóa hết, chỉ giữ lại một, rồi chạy lại
plan-set-twice = { $location } đặt { $name } hai lần: dưới dạng phần tử <Custom> (ID { $id }) và dưới dạng thuộc tính của khóa; không thể đoán một cách an toàn IIS sẽ đọc cái nào: hãy xóa một cái bằng tay, rồi chạy lại
plan-no-value = { $location }: phần tử <Custom> với ID="{ $id }" không có thuộc tính Value; hãy sửa bằng tay
plan-id-unknown = { $name } chưa được đặt tại { $location } và không rõ ID của nó: hãy chỉ định thuộc tính bằng ID kèm --type để thêm nó dưới dạng phần tử <Custom>
