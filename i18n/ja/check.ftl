# メタベースの厳密な読み取り (issue 11): XML の規則、メタベースの規則、
# すべての読み取りが通るゲート、check と restore。
# $char は `U+0000 (NUL)` や `'é' (U+00E9)` の形の文字 (翻訳しない)。

## XML の名前。$what: element, attribute, end-tag, pi, reference
xml-name-missing = { $what ->
    [element] 要素名: ここに名前がありません
    [attribute] 属性名: ここに名前がありません
    [end-tag] 終了タグ: ここに名前がありません
    [pi] 処理命令: ここに名前がありません
   *[reference] 参照: ここに名前がありません
}
xml-name-bad-start = { $what ->
    [element] 要素名: 名前を { $char } で始めることはできません
    [attribute] 属性名: 名前を { $char } で始めることはできません
    [end-tag] 終了タグ: 名前を { $char } で始めることはできません
    [pi] 処理命令: 名前を { $char } で始めることはできません
   *[reference] 参照: 名前を { $char } で始めることはできません
}
xml-name-bad-char = { $what ->
    [element] 要素名: 名前に { $char } は使えません
    [attribute] 属性名: 名前に { $char } は使えません
    [end-tag] 終了タグ: 名前に { $char } は使えません
    [pi] 処理命令: 名前に { $char } は使えません
   *[reference] 参照: 名前に { $char } は使えません
}

## XML: 文字と参照
xml-bad-char = { $char } は XML では使えません (制御文字で使えるのはタブ、LF、CR だけです)
xml-bad-reference = 参照を始めていない '&' があります (& そのものは &amp; と書く必要があります)
xml-bad-char-reference = '&{ $body };' は文字参照ではありません (&#NNN; または &#xHHHH; の形式です)
xml-char-reference-not-allowed = '&{ $body };' は XML で使えない文字を参照しています
xml-undefined-entity = '&{ $body };' は定義されていません (XML が知っているのは &amp; &lt; &gt; &quot; &apos; と文字参照だけです)
xml-lt-in-attribute = 属性値の中に '<' があります (&lt; と書く必要があります)
xml-cdata-end-in-text = テキストの中に ']]>' があります (]]&gt; と書く必要があります)

## XML: コメント
xml-comment-double-hyphen = コメントの中に '--' があります
xml-comment-ends-with-hyphen = コメントが '--->' で終わっています ('-->' の直前に '-' があります)

## XML: タグと属性
xml-lt-space = '<' の後に空白があります: '<' の直後には要素名が必要です (テキスト中の '<' は &lt; と書く必要があります)
xml-element-name-bad-start = 要素名を { $char } で始めることはできません (テキスト中の '<' は &lt; と書く必要があります)
xml-element-name-bad-char = 要素名に { $char } は使えません
xml-missing-space = 属性と属性の間は空白で区切る必要があります
xml-slash-in-start-tag = 開始タグの中に '/' があります (開始タグを閉じられるのは '/>' だけです)
xml-attribute-name-bad-start = 属性名を { $char } で始めることはできません
xml-attribute-no-value = 属性 { $name } に '=' と値がありません
xml-attribute-unquoted = { $name } の値は引用符で囲む必要があります
xml-attribute-unclosed = { $name } の値を閉じる引用符がありません
xml-attribute-twice = 属性 { $name } がこの開始タグに 2 回指定されています (最初はバイト { $byte }。IIS は各属性を 1 回だけ書き込みます)
xml-end-tag-bad-char = 終了タグの中に { $char } があります (終了タグに書けるのは名前だけです)
xml-mismatched-end-tag = </{ $name }> が <{ $open }> (バイト { $byte } で開始) を閉じています。開始タグと終了タグが一致しません
xml-end-tag-without-start = </{ $name }> に対応する開始タグがありません
xml-unclosed-element = ファイルが <{ $name }> の途中で終わっています (途中で切れていませんか?): 終了タグが { $count } 個足りません

## XML: XML 宣言と処理命令
xml-decl-missing-space = XML 宣言に必要な空白がありません
xml-decl-form = XML 宣言が version="1.0" の形式になっていません
xml-decl-unquoted = XML 宣言の値が引用符で囲まれていません
xml-decl-version = XML 宣言の version は 1.0 (または 1.x) である必要があります
xml-decl-version-first = XML 宣言では最初に version="1.0" を指定する必要があります
xml-decl-encoding-name = XML 宣言の encoding がエンコード名になっていません
xml-decl-standalone = XML 宣言の standalone は "yes" または "no" である必要があります
xml-decl-extra = XML 宣言に書けるのは version、encoding、standalone だけで、この順序である必要があります
xml-misplaced-decl = XML 宣言 (<?xml ...?>) を書けるのはファイルの先頭だけです
xml-pi-target-colon = 処理命令のターゲットに ':' は使えません (名前空間)
xml-pi-target-space = 処理命令のターゲットの後には空白が必要です
xml-encoding-mismatch = XML 宣言では encoding="{ $declared }" ですが、ファイルは { $actual } です

## XML: 名前空間
xml-bad-qname = '{ $name }' は名前空間の規則に合った名前ではありません (プレフィックス:ローカル名、コロンは 1 つ)
xml-default-namespace-reserved = 既定の名前空間を { $uri } にすることはできません
xml-bad-namespace-declaration = '{ $name }' は正しい名前空間宣言ではありません
xml-xmlns-prefix-declared = プレフィックス xmlns は宣言できません
xml-prefix-reserved = プレフィックス { $prefix } を "{ $uri }" に関連付けることはできません (予約済み)
xml-prefix-empty-namespace = プレフィックス { $prefix } が空の名前空間名で宣言されています (XML 1.0 では使えません)
xml-element-xmlns-prefix = 要素名にプレフィックス xmlns は使えません
xml-attribute-same-expanded = 属性 { $name } は { $other } と同じ属性を指しています (名前空間が同じです)
xml-undeclared-prefix = 名前空間プレフィックス { $prefix } が宣言されていません (この要素にもその上位の要素にも xmlns:{ $prefix }="..." がありません)

## XML: 文書
xml-double-bom = ファイルの先頭にバイト順マーク (BOM) が 2 つあります (IIS が書き込むのは多くても 1 つです)。2 つ目を削除してください
xml-unclosed-tag = タグが閉じられていません: '>' がありません (ファイルが途中で切れていませんか?)
xml-unclosed-comment = コメントが閉じられていません: '-->' がありません
xml-unclosed-cdata = CDATA セクションが閉じられていません: ']]>' がありません
xml-unclosed-pi = 処理命令が閉じられていません: '?>' がありません
xml-unclosed-doctype = DOCTYPE が閉じられていません
xml-bad-bang = '<!' の後がコメントでも CDATA セクションでも DOCTYPE でもありません
# $detail: XML トークナイザー自身の (英語の) 説明。まれなエラーのみ。
xml-tokenizer = XML を読み取れません: { $detail }
xml-multiple-roots = </configuration> の後に 2 つ目のルート要素があります (XML ファイルのルート要素は 1 つだけです)
xml-text-outside-root = ルート要素の外にテキストがあります (バイナリのごみか、XML ファイルではありません)
xml-reference-outside-root = ルート要素の外に参照があります
xml-cdata-outside-root = ルート要素の外に CDATA セクションがあります
xml-no-root = ファイルに要素が 1 つもありません (空のファイルではありませんか?)

## デコードできないバイト (src/metabase/text.rs)
decode-utf16-be = ファイルが UTF-16 ビッグ エンディアンです。IIS はこの形式では書き込みません。先に UTF-8 か "Unicode" (UTF-16LE) で保存し直してください
decode-utf16-no-bom = ファイルはバイト順マークのない UTF-16 のようです。このままでは IIS が読み込めるメタベースではありません
decode-bad-utf8 = UTF-8 として正しくありません (ファイルが破損しているか、従来のコード ページで保存されています)
decode-bad-utf16 = UTF-16 として正しくありません (対になっていないサロゲートがあります)
decode-odd-utf16 = UTF-16LE のファイルのバイト数が奇数です (途中で切れていませんか?)
# 文中のエンコード名 (JSON の encoding フィールドは固定の名前のまま)。
encoding-utf8 = UTF-8
encoding-utf8-bom = UTF-8 (BOM 付き)
encoding-utf16le-bom = UTF-16LE (BOM 付き)

## メタベースであるための条件
metabase-not-a-metabase = メタベースではありません: ルート要素が <configuration> ではなく <{ $element }> です
metabase-no-mbproperty = メタベースではありません: <configuration> に <MBProperty> 要素がありません
metabase-too-deep = 要素の入れ子が { $max } 段を超えています。メタベースの階層は 4 段です (ファイルが破損しているか、悪意のあるファイルです)
metabase-too-large = テキストが { $size } バイトあります。このツールが読めるメタベースは最大 { $max } バイト (4 GiB) で、IIS 6 が書くサイズを大きく超えています
metabase-doctype = ファイルに DOCTYPE があります。IIS はメタベースに DOCTYPE を書き込みません。その中のエンティティ定義は展開しません
metabase-unknown-namespace = 名前空間 "{ $namespace }" は IIS 6 のもの ({ $expected }) ではありません。別のバージョンの IIS のメタベースではありませんか?
metabase-missing-location = <{ $element }> に Location 属性がありません: IIS はどのキーか判断できません
metabase-duplicate-location = Location="{ $location }" のキーが 2 つあります (1 つ目は { $line } 行目)。IIS が保持するのは 1 つの場所につき 1 つのキーです: 1 つにまとめてください
metabase-custom-id-not-number = <Custom> の ID "{ $id }" が数値ではありません
metabase-custom-without-id = ID 属性のない <Custom> 要素があります: IIS はプロパティを ID で識別します
metabase-duplicate-custom-id = { $location } に ID="{ $id }" の <Custom> が 2 つあります (1 つ目は { $line } 行目)。IIS が保持するのは 1 つの ID につき 1 つです: どちらかを削除してください
metabase-custom-order = { $location } で <Custom> の ID { $id } が ID { $previous } の後にあります。IIS は Custom 要素を ID の昇順に書き込みます (KB 820284 でもそう求めています)
metabase-bad-type = Type="{ $kind }" は DWORD、STRING、EXPANDSZ、MULTISZ、BINARY のいずれでもありません
metabase-missing-type = ID { $id } の <Custom> に Type (DWORD、STRING、EXPANDSZ、MULTISZ、BINARY) がありません
metabase-unknown-user-type = UserType="{ $value }" は IIS 6 が名前で書く値 ({ $known }) ではありません
metabase-unknown-attributes-flag = Attributes のフラグ "{ $flag }" は IIS 6 が名前で書くフラグ ({ $known }) ではありません
metabase-both-forms = { $location } で { $property } が 2 回設定されています: 属性と <Custom> 要素 ({ $line } 行目) の両方です。IIS がどちらを読むかは推測できないため安全ではありません: どちらかを削除してください
metabase-unknown-dns-mode = { $location } の SmtpUseTcpDns = "{ $value }": KB 820284 で定義されている値は 0、1、2 だけです (`metabase-fix set-dns-mode` でいずれかに設定できます)
metabase-edit-while-running-off = /LM の EnableEditWhileRunning="{ $value }": IIS は実行中、このファイルへの編集を無視し、後で上書きします。編集の前に IIS Admin を停止してください
metabase-edit-while-running-unset = /LM に EnableEditWhileRunning が設定されていません: IIS は実行中、このファイルへの編集を無視し、後で上書きします。編集の前に IIS Admin を停止してください
metabase-no-lm-key = /LM キーがないため EnableEditWhileRunning は無効です: IIS は実行中、このファイルへの編集を無視します。編集の前に IIS Admin を停止してください
metabase-bad-dword = Value="{ $value }" は Type="DWORD" に必要な 32 ビットの数値 (0 ～ 4294967295、または | でつないだフラグ名) ではありません
metabase-bad-binary = Value="{ $value }" は Type="BINARY" に必要な偶数個の 16 進数字ではありません

## すべての読み取りが通るゲート (src/metabase/gate.rs)
gate-place = { $line } 行目、{ $column } 列目
gate-place-byte = { $line } 行目、{ $column } 列目 (バイト { $byte })
gate-not-well-formed = 整形式の XML ではありません: { $problem }
gate-refused = { $refusal }。IIS はこのファイルを読み込めません。何も変更していません。{ $next }
gate-find-a-good-copy = `metabase-fix check` でこのファイルの問題をすべて一覧表示できます。正常なコピーは `metabase-fix backups` と `metabase-fix backups --history` で一覧表示でき、`metabase-fix restore ID --dry-run --diff` で書き込む前に内容を確認できます

## check (src/commands/check.rs)
check-summary-ok = { $file }: エラー { $errors } 件、警告 { $warnings } 件: IIS はこのファイルを読み込めます
check-summary-errors = { $file }: エラー { $errors } 件、警告 { $warnings } 件: IIS はこのファイルを読み込めません。エラーを修正するか、正常なコピーを探してください: `metabase-fix backups`、`metabase-fix backups --history`

## restore (src/commands/restore.rs)
restore-source-refused = { $id } は IIS が読み込めるメタベースではないため、復元しません。別のコピーを選んでください
restore-current-damaged = { $file } は IIS が読み込めるメタベースではありません ({ $problem })。このファイルは置き換えられます (先にバックアップとして保存します)
restore-nothing-to-do = { $file } の内容はすでに { $id } とバイト単位で同じです: 何もする必要はありません。
restore-encoding-changes = エンコードも変わります: { $old } -> { $new }
restore-binary-difference = (バイナリの相違: どちらかがテキストではありません)
restore-dry-run = (--dry-run) { $file } は { $id } から復元されます。ディスク上は何も変更していません。
restore-done = { $file } を { $id } から復元しました。
restore-undo = 復元前のファイルはバックアップ { $backup } です。元に戻すには: metabase-fix{ $args } restore { $backup }
restore-next = 次の手順: 復元した値を読み込ませるため、SMTP サービスを再起動してください (net stop smtpsvc && net start smtpsvc)。
