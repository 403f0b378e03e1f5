# Đọc metabase một cách nghiêm ngặt (issue 11): các quy tắc XML, các quy tắc
# của metabase, cổng kiểm tra mọi lần đọc, check và restore.
# $char là một ký tự dạng `U+0000 (NUL)` hoặc `'é' (U+00E9)` (không dịch).

## Tên trong XML. $what: element, attribute, end-tag, pi, reference
xml-name-missing = { $what ->
    [element] tên phần tử: thiếu tên ở đây
    [attribute] tên thuộc tính: thiếu tên ở đây
    [end-tag] thẻ đóng: thiếu tên ở đây
    [pi] chỉ thị xử lý: thiếu tên ở đây
   *[reference] tham chiếu: thiếu tên ở đây
}
xml-name-bad-start = { $what ->
    [element] tên phần tử: tên không được bắt đầu bằng { $char }
    [attribute] tên thuộc tính: tên không được bắt đầu bằng { $char }
    [end-tag] thẻ đóng: tên không được bắt đầu bằng { $char }
    [pi] chỉ thị xử lý: tên không được bắt đầu bằng { $char }
   *[reference] tham chiếu: tên không được bắt đầu bằng { $char }
}
xml-name-bad-char = { $what ->
    [element] tên phần tử: { $char } không được có trong tên
    [attribute] tên thuộc tính: { $char } không được có trong tên
    [end-tag] thẻ đóng: { $char } không được có trong tên
    [pi] chỉ thị xử lý: { $char } không được có trong tên
   *[reference] tham chiếu: { $char } không được có trong tên
}

## XML: ký tự và tham chiếu
xml-bad-char = XML không cho phép { $char } (trong các ký tự điều khiển, chỉ tab, LF và CR được phép)
xml-bad-reference = một dấu '&' không mở đầu tham chiếu nào (muốn viết chính dấu & thì phải viết &amp;)
xml-bad-char-reference = '&{ $body };' không phải là tham chiếu ký tự (&#NNN; hoặc &#xHHHH;)
xml-char-reference-not-allowed = '&{ $body };' tham chiếu tới một ký tự mà XML không cho phép
xml-undefined-entity = '&{ $body };' chưa được định nghĩa (XML chỉ biết &amp; &lt; &gt; &quot; &apos; và các tham chiếu ký tự)
xml-lt-in-attribute = có dấu '<' trong giá trị thuộc tính (phải viết là &lt;)
xml-cdata-end-in-text = có ']]>' trong văn bản (phải viết là ]]&gt;)

## XML: chú thích
xml-comment-double-hyphen = có '--' bên trong chú thích
xml-comment-ends-with-hyphen = chú thích kết thúc bằng '--->' (có '-' ngay trước '-->')

## XML: thẻ và thuộc tính
xml-lt-space = sau dấu '<' là khoảng trắng: tên phần tử phải theo ngay sau '<' (dấu '<' trong văn bản phải viết là &lt;)
xml-element-name-bad-start = tên phần tử không được bắt đầu bằng { $char } (dấu '<' trong văn bản phải viết là &lt;)
xml-element-name-bad-char = { $char } không được có trong tên phần tử
xml-missing-space = các thuộc tính phải được ngăn cách bằng khoảng trắng
xml-slash-in-start-tag = có dấu '/' bên trong thẻ mở (chỉ '/>' mới được kết thúc thẻ)
xml-attribute-name-bad-start = tên thuộc tính không được bắt đầu bằng { $char }
xml-attribute-no-value = thuộc tính { $name } không có '=' và giá trị
xml-attribute-unquoted = giá trị của { $name } phải nằm trong dấu ngoặc kép
xml-attribute-unclosed = giá trị của { $name } thiếu dấu ngoặc kép đóng
xml-attribute-twice = thuộc tính { $name } xuất hiện hai lần trong thẻ mở này (lần đầu ở byte { $byte }; IIS chỉ ghi mỗi thuộc tính một lần)
xml-end-tag-bad-char = có { $char } bên trong thẻ đóng (trong thẻ đóng chỉ được có tên)
xml-mismatched-end-tag = </{ $name }> đóng <{ $open }> (mở ở byte { $byte }); thẻ đóng không khớp với thẻ mở
xml-end-tag-without-start = </{ $name }> không có thẻ mở tương ứng
xml-unclosed-element = tệp kết thúc khi <{ $name }> còn đang mở (tệp bị cắt cụt?): thiếu { $count } thẻ đóng

## XML: khai báo XML và chỉ thị xử lý
xml-decl-missing-space = thiếu khoảng trắng trong khai báo XML
xml-decl-form = khai báo XML không có dạng version="1.0"
xml-decl-unquoted = một giá trị trong khai báo XML không nằm trong dấu ngoặc kép
xml-decl-version = version của khai báo XML phải là 1.0 (hoặc 1.x)
xml-decl-version-first = khai báo XML phải ghi version="1.0" trước tiên
xml-decl-encoding-name = encoding của khai báo XML không phải là tên một bảng mã
xml-decl-standalone = standalone của khai báo XML phải là "yes" hoặc "no"
xml-decl-extra = khai báo XML chỉ được chứa version, encoding và standalone, theo đúng thứ tự đó
xml-misplaced-decl = khai báo XML (<?xml ...?>) chỉ được đặt ở ngay đầu tệp
xml-pi-target-colon = đích (target) của chỉ thị xử lý không được chứa ':' (không gian tên)
xml-pi-target-space = sau đích (target) của chỉ thị xử lý phải có khoảng trắng
xml-encoding-mismatch = khai báo XML ghi encoding="{ $declared }" nhưng tệp là { $actual }

## XML: không gian tên
xml-bad-qname = '{ $name }' không phải là tên hợp lệ theo không gian tên (tiền_tố:tên_cục_bộ, một dấu hai chấm)
xml-default-namespace-reserved = không gian tên mặc định không được là { $uri }
xml-bad-namespace-declaration = '{ $name }' không phải là khai báo không gian tên hợp lệ
xml-xmlns-prefix-declared = không được khai báo tiền tố xmlns
xml-prefix-reserved = không được gắn tiền tố { $prefix } với "{ $uri }" (đã được dành riêng)
xml-prefix-empty-namespace = tiền tố { $prefix } được khai báo với tên không gian tên rỗng (XML 1.0 không cho phép)
xml-element-xmlns-prefix = tên phần tử không được dùng tiền tố xmlns
xml-attribute-same-expanded = thuộc tính { $name } trỏ tới cùng một thuộc tính với { $other } (cùng một không gian tên)
xml-undeclared-prefix = tiền tố không gian tên { $prefix } chưa được khai báo (không có xmlns:{ $prefix }="..." trên phần tử này hay phần tử bên ngoài)

## XML: tài liệu
xml-double-bom = tệp bắt đầu bằng hai dấu thứ tự byte (BOM) (IIS ghi nhiều nhất một); hãy xóa dấu thứ hai
xml-unclosed-tag = một thẻ chưa được đóng: thiếu '>' (tệp bị cắt cụt?)
xml-unclosed-comment = một chú thích chưa được đóng: thiếu '-->'
xml-unclosed-cdata = một đoạn CDATA chưa được đóng: thiếu ']]>'
xml-unclosed-pi = một chỉ thị xử lý chưa được đóng: thiếu '?>'
xml-unclosed-doctype = một DOCTYPE chưa được đóng
xml-bad-bang = sau '<!' không phải là chú thích, đoạn CDATA hay DOCTYPE
# $detail: mô tả (bằng tiếng Anh) của chính bộ tách token XML, cho một lỗi hiếm gặp.
xml-tokenizer = không đọc được XML: { $detail }
xml-multiple-roots = có phần tử gốc thứ hai sau </configuration> (một tệp XML chỉ có đúng một phần tử gốc)
xml-text-outside-root = có văn bản nằm ngoài phần tử gốc (dữ liệu nhị phân rác, hoặc không phải tệp XML)
xml-reference-outside-root = có tham chiếu nằm ngoài phần tử gốc
xml-cdata-outside-root = có đoạn CDATA nằm ngoài phần tử gốc
xml-no-root = tệp không chứa phần tử nào (tệp rỗng?)

## Các byte không giải mã được (src/metabase/text.rs)
decode-utf16-be = tệp ở dạng UTF-16 big-endian, dạng mà IIS không bao giờ ghi; hãy lưu lại thành UTF-8 hoặc "Unicode" (UTF-16LE) trước
decode-utf16-no-bom = tệp có vẻ là UTF-16 không có dấu thứ tự byte; để nguyên như vậy thì IIS không đọc được như một metabase
decode-bad-utf8 = UTF-8 không hợp lệ (tệp bị hỏng, hoặc đã được lưu bằng một bảng mã cũ)
decode-odd-utf16 = tệp UTF-16LE có số byte lẻ (bị cắt cụt?)
decode-bad-utf16 = UTF-16 không hợp lệ (có một surrogate đứng lẻ)
# Tên bảng mã trong câu (trường encoding của JSON giữ tên cố định).
encoding-utf8 = UTF-8
encoding-utf8-bom = UTF-8 có BOM
encoding-utf16le-bom = UTF-16LE có BOM

## Những gì một metabase phải có
metabase-not-a-metabase = không phải metabase: phần tử gốc là <{ $element }>, không phải <configuration>
metabase-no-mbproperty = không phải metabase: <configuration> không có phần tử <MBProperty>
metabase-too-deep = các phần tử lồng nhau sâu hơn { $max } cấp; một metabase chỉ có bốn cấp (tệp bị hỏng hoặc có ý đồ xấu)
metabase-too-large = văn bản dài { $size } byte; công cụ này chỉ đọc metabase tối đa { $max } byte (4 GiB), lớn hơn nhiều so với những gì IIS 6 ghi ra
metabase-doctype = tệp có DOCTYPE, thứ mà IIS không bao giờ ghi vào metabase; các định nghĩa thực thể trong đó không được mở rộng
metabase-unknown-namespace = không gian tên "{ $namespace }" không phải của IIS 6 ({ $expected }); đây có phải là metabase của một phiên bản IIS khác không?
metabase-missing-location = <{ $element }> không có thuộc tính Location: IIS không biết đó là khóa nào
metabase-duplicate-location = có khóa thứ hai với Location="{ $location }" (khóa đầu tiên ở dòng { $line }); IIS chỉ giữ một khóa cho mỗi vị trí: hãy gộp chúng lại
metabase-custom-id-not-number = ID "{ $id }" của <Custom> không phải là số
metabase-custom-without-id = có phần tử <Custom> không có thuộc tính ID: IIS nhận biết thuộc tính metabase qua ID của nó
metabase-duplicate-custom-id = có <Custom> thứ hai với ID="{ $id }" trong { $location } (cái đầu tiên ở dòng { $line }); IIS chỉ giữ một cho mỗi ID: hãy xóa một cái
metabase-custom-order = <Custom> có ID { $id } đứng sau ID { $previous } trong { $location }; IIS ghi các phần tử Custom theo thứ tự ID tăng dần (KB 820284 cũng yêu cầu như vậy)
metabase-bad-type = Type="{ $kind }" không phải là một trong DWORD, STRING, EXPANDSZ, MULTISZ, BINARY
metabase-missing-type = <Custom> có ID { $id } không có Type (DWORD, STRING, EXPANDSZ, MULTISZ hoặc BINARY)
metabase-unknown-user-type = UserType="{ $value }" không phải là tên mà IIS 6 dùng ({ $known })
metabase-unknown-attributes-flag = cờ "{ $flag }" của Attributes không phải là tên mà IIS 6 dùng ({ $known })
metabase-both-forms = { $location } đặt { $property } hai lần: vừa là thuộc tính XML vừa là phần tử <Custom> (dòng { $line }); đoán xem IIS đọc cái nào là không an toàn: hãy xóa một cái
metabase-unknown-dns-mode = SmtpUseTcpDns = "{ $value }" tại { $location }: KB 820284 chỉ định nghĩa 0, 1 và 2 (`metabase-fix set-dns-mode` đặt một trong các giá trị đó)
metabase-edit-while-running-off = EnableEditWhileRunning="{ $value }" trên /LM: khi đang chạy, IIS bỏ qua các chỉnh sửa trên tệp này và sau đó ghi đè lên chúng; hãy dừng IIS Admin trước khi chỉnh sửa
metabase-edit-while-running-unset = EnableEditWhileRunning chưa được đặt trên /LM: khi đang chạy, IIS bỏ qua các chỉnh sửa trên tệp này và sau đó ghi đè lên chúng; hãy dừng IIS Admin trước khi chỉnh sửa
metabase-no-lm-key = không có khóa /LM, nên EnableEditWhileRunning đang tắt: khi đang chạy, IIS bỏ qua các chỉnh sửa trên tệp này; hãy dừng IIS Admin trước khi chỉnh sửa
metabase-bad-dword = Value="{ $value }" không phải là số 32 bit (0 đến 4294967295, hoặc các tên cờ nối bằng |) như Type="DWORD" yêu cầu
metabase-bad-binary = Value="{ $value }" không phải là một số chẵn chữ số thập lục phân như Type="BINARY" yêu cầu

## Cổng kiểm tra mọi lần đọc (src/metabase/gate.rs)
gate-place = dòng { $line }, cột { $column }
gate-place-byte = dòng { $line }, cột { $column } (byte { $byte })
gate-not-well-formed = XML không đúng cú pháp: { $problem }
gate-refused = { $refusal }; IIS sẽ không nạp được tệp này; chưa có gì thay đổi. { $next }
gate-find-a-good-copy = `metabase-fix check` liệt kê mọi vấn đề trong tệp; `metabase-fix backups` và `metabase-fix backups --history` liệt kê các bản còn tốt, và `metabase-fix restore ID --dry-run --diff` cho xem một bản trước khi ghi

## check (src/commands/check.rs)
check-summary-ok = { $file }: { $errors } lỗi, { $warnings } cảnh báo: IIS nạp được tệp này
check-summary-errors = { $file }: { $errors } lỗi, { $warnings } cảnh báo: IIS sẽ không nạp được tệp này; hãy sửa các lỗi, hoặc tìm một bản còn tốt: `metabase-fix backups`, `metabase-fix backups --history`

## restore (src/commands/restore.rs)
restore-source-refused = { $id } không phải là metabase mà IIS nạp được, nên không khôi phục; hãy chọn một bản khác
restore-current-damaged = { $file } không phải là metabase mà IIS nạp được ({ $problem }); tệp sẽ được thay thế, và được giữ lại thành bản sao lưu trước
restore-nothing-to-do = { $file } đã có đúng các byte của { $id }: không cần làm gì.
restore-encoding-changes = bảng mã cũng thay đổi: { $old } -> { $new }
restore-binary-difference = (khác biệt nhị phân: một trong hai bản không phải văn bản)
restore-dry-run = Chạy thử: sẽ khôi phục { $file } từ { $id }; chưa ghi gì cả.
restore-done = Đã khôi phục { $file } từ { $id }.
restore-undo = Tệp trước khi khôi phục là bản sao lưu { $backup }; hoàn tác bằng: metabase-fix{ $args } restore { $backup }
restore-next = Bước tiếp theo: khởi động lại dịch vụ SMTP để dịch vụ đọc giá trị đã khôi phục (net stop smtpsvc && net start smtpsvc).
