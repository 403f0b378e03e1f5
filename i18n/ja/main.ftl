# メッセージ、警告、エラー、ラベル (英語版: i18n/en/main.ftl)。

label-warning = 警告
label-error = エラー

## エラー
error-no-file = メタベース ファイルが指定されていません: --file PATH を指定してください (または METABASE_FILE を設定してください){ $hint }
hint-no-file-windows = {" "}(%SystemRoot% が設定されていないため、既定のパスを特定できませんでした)
hint-no-file-elsewhere = 。このシステムには既定のパスがありません: MetaBase.xml のコピーか、サーバーの管理共有上のファイルを指定してください
error-key-not-found = { $file }: Location="{ $location }" のキーがありません (SMTP サービスはインストールされていますか? `metabase-fix show` でその下のキーを一覧表示できます)
error-locked = { $file }: ファイルが別の実行によってロックされています (おそらく別の管理者の metabase-fix です)。{ $seconds } 秒待機しました。何も変更していません: 終了するのを待ってから再実行するか、--lock-timeout を増やしてください
error-changed-under-us = { $file }: metabase-fix の処理中にファイルが変更されました (別のエディター、または IIS による構成の保存)。何も書き込んでいません。コマンドを再実行してください

## ファイル操作の失敗 (この後にシステムが示す理由が続きます)
io-check-file = ファイルを確認できません
io-lock = ファイルをロックできません (このファイル システムはロックに対応していますか?)
io-read-metadata = メタデータを読み取れません
io-resolve-link = シンボリック リンクを解決できません
io-not-found = 見つかりません (--file を確認してください。サーバー上では %SystemRoot%\system32\inetsrv\MetaBase.xml です)
io-access-denied = アクセスが拒否されました (管理者として実行するか、共有のアクセス許可を確認してください)
io-open = 開けません
io-read = 読み取れません
io-read-back-temp = 一時ファイルを読み戻せません
io-temp-mismatch = 一時ファイルを読み戻した内容が書き込んだ内容と一致しません
io-verify-failed = 検証に失敗しました
io-replace = ファイルを新しい版で置き換えられません
io-create-temp = 同じフォルダーに一時ファイルを作成できません
io-write-temp = 一時ファイルに書き込めません
io-copy-permissions = 一時ファイルにアクセス許可をコピーできません
io-flush-temp = 一時ファイルをフラッシュできません
io-out-of-memory = { $bytes } バイトを読み取るためのメモリが不足しています
io-grew = 読み取り中にファイルが { $limit } GiB を超えました
io-read-history-folder = IIS の History フォルダーを読み取れません (EnableHistory が無効か、History フォルダーのないコピーではありませんか?)
io-read-history-file = 履歴ファイルを読み取れません
io-read-stdin = 標準入力を読み取れません
io-read-report = レポートを読み取れません

## メタベース ファイルではない入力
input-is-folder = ファイルではなくフォルダーです: MetaBase.xml そのもののパスを指定してください
input-not-regular = 通常のファイルではありません (デバイス、パイプ、またはソケット): MetaBase.xml そのもののパスを指定してください
input-too-big = サイズが { $bytes } バイトあり、このツールが読み取る上限 { $limit } GiB を超えています (メタベースは数 MB です): 正しいファイルですか?
input-no-folder = 親フォルダーがありません

## バックアップ
backup-cannot-create-dir = バックアップ フォルダーを作成できません: { $cause }。何も変更していません。書き込み可能なフォルダーを --backup-dir で指定してください
backup-cannot-write = バックアップ { $path } を書き込めません ({ $step }: { $cause })。何も変更していません
backup-step-create = 作成
backup-step-write = 書き込み
backup-step-flush = フラッシュ
backup-step-rename = 名前の変更
backup-no-data-folder = バックアップ用のローカル データ フォルダーが見つかりません: --backup-dir DIR を指定してください (または METABASE_FIX_BACKUP_DIR を設定してください)
backup-cannot-list = バックアップ フォルダーの一覧を取得できません: { $cause }
backup-none-here = ここには { $file } のバックアップがありません。metabase-fix は変更のたびに事前にバックアップを作成します (または、そのときに使用した --backup-dir を指定してください)
backup-no-such-id = { $file } のバックアップ '{ $id }' はありません。`metabase-fix backups` で一覧を表示できます
backup-ambiguous-id = '{ $id }' に一致するバックアップが { $count } 個あります。ID をもっと長く指定してください
backup-cannot-read = バックアップ { $id } を読み取れません: { $cause }
backup-damaged = バックアップ { $id } は破損しています: SHA-256 は { $actual } ですが、記録では { $recorded } です。復元していません (`metabase-fix backups` で別のバックアップを選んでください)
backups-none = { $folder } に { $file } のバックアップはありません。
backups-col-id = ID
backups-col-time = 時刻 (UTC)
backups-col-size = サイズ
backups-col-operation = 操作

## IIS の History フォルダー
history-none = { $folder } に履歴ファイルはありません。
history-no-such = 履歴ファイル '{ $which }' はありません: パス、ファイル名、またはバージョン (MAJOR または MAJOR_MINOR) を指定してください (`metabase-fix backups --history` で一覧を表示できます)
history-col-version = バージョン
history-col-time = 時刻 (UTC)
history-col-size = サイズ
history-col-file = ファイル
history-col-well-formed = 整形式
history-well-formed-yes = はい
history-well-formed-no = いいえ
history-not-well-formed = { $version }: { $problem }; IIS はこのファイルを読み込めません: 復元しないでください
history-unreadable = 読み取れません: { $error }

## diagnose dns
diagnose-no-resolver = システムの DNS リゾルバーが見つかりません (/etc/resolv.conf に nameserver がありません): --server IP を指定してください
diagnose-heading = { $server } での { $domain } の MX:
diagnose-label-udp = UDP (EDNS なし、512 バイト):
diagnose-label-tcp = TCP:
diagnose-agree = 応答の一致: { $agree }
diagnose-agree-yes = はい
diagnose-agree-no = いいえ (UDP と TCP の応答が異なります)
diagnose-agree-unknown = 不明 (一方のトランスポートで応答がありません)
diagnose-verdict = 判定: { $verdict }
diagnose-recommended = 推奨: metabase-fix set-dns-mode { $mode }
diagnose-then-restart = その後、SMTP サービスを再起動します (net stop smtpsvc && net start smtpsvc)。
diagnose-recommended-leave = 推奨: SmtpUseTcpDns は未設定または 0 のままにします (変更されている場合のみ metabase-fix set-dns-mode 0)。
verdict-kb-820284 = UDP の応答で切り捨てが発生し、TCP は失敗します: KB 820284 に該当します。値が 0 の SMTP サービスは、切り捨てが発生した応答を破棄して TCP で再試行し、失敗します (イベント 4000、c00402e7)。切り捨てが発生した応答を使用するように 2 (udp-only) を設定してください。
verdict-kb-263237 = UDP では応答がありませんが、TCP では応答があります: KB 263237 (TCP のみに応答する DNS サーバー) に該当します。1 (tcp-only) を設定してください。
verdict-no-change-needed = UDP と TCP の両方で応答があります: 既定値 (0、UDP を使用し切り捨て時は TCP) で動作します。変更は必要ありません。
verdict-udp-only-server = UDP で完全な応答があり、TCP は失敗します: このドメインへのメールは既定値 (0) で配信されます。MX 応答が UDP に収まらないドメインでは失敗するため、2 (udp-only) を設定すればそれらも配信できます。
verdict-dns-unreachable = UDP でも TCP でも応答がありません: DNS に到達できないか、DNS が正常に動作していません。メタベースの値では解決できません。サーバーのアドレス、ファイアウォール、DNS サービスを確認してください。
dns-no-answer = 応答なし: { $error }
dns-no-answer-after = 応答なし: { $error } ({ $ms } ms 後)
dns-answered = 応答 { $rcode }、TC { $tc }、MX { $count } 件、{ $ms } ms
dns-tc-set = あり (切り捨て)
dns-tc-clear = なし
dns-error-timeout = タイムアウト
dns-error-refused = 拒否
dns-error-reset = リセット
dns-error-closed = 応答なしで切断
dns-error-mismatch = クエリと一致しない応答
dns-bad-domain = '{ $domain }' はドメイン名ではありません: 受信者のメール ドメインを指定してください (例: contoso.com)
dns-bad-domain-because = '{ $domain }' はドメイン名ではありません ({ $cause }): 例: contoso.com
dns-bad-server = '{ $server }' は DNS サーバーのアドレスではありません: IP または IP:PORT を指定してください (例: 192.0.2.53、[2001:db8::53]:53)

## explain のラベル
explain-reply-code = 応答コード { $code }: { $text }
explain-label-causes = 考えられる原因:
explain-label-fixes = 解決方法:
explain-label-next-steps = 次の手順:
