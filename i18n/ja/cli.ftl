# すべてのコマンドとオプションの --help (英語版: i18n/en/cli.ftl)。

cli-root-about = KB 820284 (SmtpUseTcpDns) を IIS 6 の MetaBase.xml にバイト単位で正確に適用します。バックアップ、差分表示、復元に対応しています
cli-root-after-help = 終了コード: 0 完了 (または変更不要)、1 失敗 (ファイルは変更なし)、2 使い方の誤り。
cli-root-file = 読み取りまたは編集する MetaBase.xml [Windows での既定値: %SystemRoot%\system32\inetsrv\MetaBase.xml]
cli-root-backup-dir = バックアップの保存先 [既定値: <ローカル データ フォルダー>/metabase-fix/backups]
cli-root-json = 標準出力に JSON ドキュメントを 1 つだけ出力します (警告もその中に含めます)
cli-root-quiet = エラーだけを出力します
cli-root-color = 出力に色を付けるタイミング (auto: 端末の場合のみ。NO_COLOR が設定されている場合は付けません)
cli-root-lock-timeout = 同じファイルに対する別の metabase-fix の実行が終わるのを待つ秒数
cli-root-lang = メッセージ、表、ヘルプの言語 [既定値: METABASE_FIX_LANG、なければシステムの言語、それもなければ en]

cli-set-dns-mode-about = キーに SmtpUseTcpDns (ID 36997) を設定します: 追加または更新し、それ以外は何も変更しません
cli-set-dns-mode-mode = 0 または udp-then-tcp、1 または tcp-only、2 または udp-only (KB 820284 の解決方法)
cli-set-dns-mode-location = 設定するメタベース キー (仮想サーバーの場合: /LM/SmtpSvc/1)
cli-set-dns-mode-dry-run = ディスク上は何も変更しません。--diff と併用すると、変更される内容を表示します
cli-set-dns-mode-diff = 変更の unified diff を標準出力に出力します
cli-value-mode-udp-then-tcp = 0: UDP を優先し、応答で切り捨てが発生した場合は TCP で再試行します
cli-value-mode-tcp-only = 1: TCP のみ (KB 263237: TCP のみに応答する DNS サーバー)
cli-value-mode-udp-only = 2: UDP のみ。切り捨てが発生した応答をそのまま使用します (KB 820284 の解決方法)

cli-show-about = SMTP サービスのキーとその下のすべてのキーの SmtpUseTcpDns を表示します
cli-show-location = 開始するキー。その下のすべてのキーも表示します
cli-check-about = IIS がこのファイルを読み込めるかどうかを確認します: すべての問題を行、列、キャレット付きで表示します

cli-backups-about = このファイルのバックアップを新しい順に一覧表示します (または IIS 自身の History のコピー)
cli-backups-history = 代わりに、メタベースと同じ場所の History\ にある IIS 自身のバージョン付きコピーを一覧表示します

cli-restore-about = バックアップ (最新のもの、または指定したもの) を検証してアトミックに復元します
cli-restore-backup = バックアップ ID (`backups` で表示)。既定値: このファイルの最新のバックアップ
cli-restore-from-history = IIS の History のコピーを復元します: ファイルのパスまたはバージョン (major または major_minor)
cli-restore-dry-run = ディスク上は何も変更しません。--diff と併用すると、変更される内容を表示します
cli-restore-diff = 変更の unified diff を標準出力に出力します

cli-diagnose-about = 何かを変更する前に、解決方法が必要な条件に該当するかどうかを確認します
cli-diagnose-dns-about = SMTP サービスと同じように、ドメインの MX レコードを UDP (EDNS なし) と TCP でクエリします
cli-diagnose-dns-domain = MX レコードを解決できないメール ドメイン (例: contoso.com)
cli-diagnose-dns-servers = テストする DNS サーバー (IP[:PORT])。複数指定できます [既定値: システムの DNS リゾルバー]
cli-diagnose-dns-timeout-ms = クエリごとのタイムアウト (ミリ秒)

cli-explain-about = SMTP の状態コード、イベント データ、または配信不能レポートを説明します
cli-explain-code = 状態コード: 5.4.4、4.4.7、550、"550 5.1.1"、"#550 5.1.1"、またはイベント データ c00402e7
cli-explain-ndr = 配信不能レポート (.eml / RFC 5322 形式のメッセージそのもの)。- の場合は標準入力から読み取ります

cli-completions-about = シェルの補完スクリプトを出力します
cli-man-about = man ページ (roff) を出力します

cli-flag-help = ヘルプを表示します
cli-flag-help-long = ヘルプを表示します (概要は '-h' で表示します)
cli-flag-version = バージョンを表示します
cli-help-about = このメッセージ、または指定したサブコマンドのヘルプを表示します
cli-heading-usage = 使い方:
cli-heading-commands = コマンド
cli-heading-arguments = 引数
cli-heading-options = オプション
cli-value-name-command = COMMAND

cli-error-seconds = '{ $value }' は 0 ～ 86400 の秒数ではありません
cli-get-about = キーのプロパティの値を表示します: 自身の値、継承された値、または既定値 (adsutil GET)
cli-get-location = キー (例: /LM/SmtpSvc、/LM/W3SVC/1/ROOT)
cli-get-property = プロパティ名 (カタログまたはファイル内のもの) または 10 進数の ID
cli-set-about = キーの任意のプロパティを設定します。バイト単位で正確に、バックアップを取り、アトミックに書き込みます (adsutil SET)
cli-set-location = キー (例: /LM/SmtpSvc、/LM/W3SVC/1/ROOT)
cli-set-property = プロパティ名 (カタログまたはファイル内のもの) または 10 進数の ID
cli-set-values = 値。MULTISZ は項目ごとに 1 つの引数を取ります
cli-set-kind = データ型 (カタログにない ID の場合)
cli-set-user-type = 新しい Custom 要素のユーザー タイプ [既定値: カタログの値、なければ IIS_MD_UT_SERVER]
cli-set-attributes = 新しい Custom 要素の属性 [既定値: カタログの値、なければ INHERIT]
cli-set-dry-run = ディスク上は何も変更しません。--diff と組み合わせると変更内容を表示します
cli-set-diff = 変更内容を unified diff 形式で標準出力に出力します
cli-unset-about = キーからプロパティを削除します。バイト単位で正確に、バックアップを取り、アトミックに書き込みます (adsutil DELETE)
cli-unset-location = キー (例: /LM/SmtpSvc、/LM/W3SVC/1/ROOT)
cli-unset-property = プロパティ名 (カタログまたはファイル内のもの) または 10 進数の ID
cli-unset-dry-run = ディスク上は何も変更しません。--diff と組み合わせると変更内容を表示します
cli-unset-diff = 変更内容を unified diff 形式で標準出力に出力します
cli-list-about = キーに設定されているすべてのプロパティを一覧表示します (adsutil ENUM)
cli-list-location = キー (例: /LM/SmtpSvc、/LM/W3SVC/1/ROOT)
cli-keys-about = ファイル内のキー (場所) を一覧表示します。または、あるキーとその下のすべてのキーを表示します
cli-keys-location = このキーとその下のすべてのキーを一覧表示します [既定値: すべてのキー]
cli-properties-about = 組み込みのメタベース プロパティ カタログを検索します
cli-properties-pattern = 名前にこの文字列を含むプロパティのみ (大文字と小文字を区別しません)
