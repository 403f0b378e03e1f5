## set-dns-mode と show (src/commands/set_dns_mode.rs, show.rs, common.rs)、
## 変更の計画を立てられない理由 (src/metabase/plan.rs)。モード名
## (udp-then-tcp, tcp-only, udp-only) は値なので翻訳しません。

# SmtpUseTcpDns の値の意味 (KB 820284)。値の名前に続けて表示します。
mode-meaning-udp-then-tcp = udp-then-tcp: UDP を使用し、応答で切り捨てが発生した場合は TCP で再試行
mode-meaning-tcp-only = tcp-only: TCP のみ
mode-meaning-udp-only = udp-only: UDP のみ、切り捨てが発生した応答もそのまま使用
mode-meaning-default = スキーマの既定値 (未設定): 0 (udp-then-tcp) と同じ動作
mode-meaning-unknown = KB で定義されていない値

set-dns-mode-already = { $location } ({ $form }、{ $place }) の SmtpUseTcpDns はすでに { $value } ({ $mode }) です: 何もする必要はありません。{ $file } は変更されていません。
set-dns-mode-dry-run = ドライ ラン: { $location } の SmtpUseTcpDns を { $value } ({ $meaning }) に設定します ({ $was })。何も書き込まれていません。
set-dns-mode-done = { $file } の { $location } で SmtpUseTcpDns = { $value } ({ $meaning }) に設定しました ({ $was })。

# show: ラベルと値の行 (コードで揃えます)、表、意味の行。
show-label-file = ファイル:
show-label-edit-while-running = メタベースの直接編集:
show-edit-while-running-on = 有効 (/LM の EnableEditWhileRunning="1"): IIS はファイルが保存されるとすぐに読み込みます
show-edit-while-running-off = 無効 (EnableEditWhileRunning="{ $value }"): 編集する前に IIS Admin を停止してください
show-edit-while-running-unset = 無効 (/LM に設定されていません): 編集する前に IIS Admin を停止してください
show-col-location = 場所
show-col-value = 値
show-col-mode = モード
show-col-source = 設定元
show-source-own = 自身の値: { $form }、{ $place }
show-source-inherited = { $from } から継承
show-source-not-a-number = 自身の値 "{ $raw }" は数値ではありません。未設定: 既定値 (0 と同じ動作)
show-source-default = 未設定: 既定値 (0 と同じ動作)
show-meaning = { $location } での意味: { $meaning }

# 計画を立てられない理由: 先にファイルを手作業で直す必要があります。
plan-duplicate-key = Location="{ $location }" のキーが { $count } 個あります ({ $lines } 行目)。IIS は 1 つの場所につき 1 つのキーしか保持しないため、どれを編集すべきかを推測するのは安全ではありません: 先に手作業で 1 つにまとめてください
plan-conflict-lines = { $message } ({ $lines } 行目)
plan-internal = 内部エラーです。何も書き込まれていません: { $message }
plan-new-element-invalid = 新しい要素を解析できません: { $error }
plan-duplicate-custom = { $location } には ID="{ $id }" の <Custom> 要素が { $count } 個あります。IIS は 1 つの ID につき 1 つしか保持しないため、このファイルは手作業で編集されています: 1 つを残して削除してから、もう一度実行してください
plan-set-twice = { $location } では { $name } が 2 か所で設定されています: <Custom> 要素 (ID { $id }) とキーの属性です。IIS がどちらを読み込むかを推測するのは安全ではありません: 手作業で一方を削除してから、もう一度実行してください
plan-no-value = { $location }: ID="{ $id }" の <Custom> 要素に Value 属性がありません。手作業で修正してください
plan-id-unknown = { $name } は { $location } に設定されておらず、ID も不明です: <Custom> 要素として追加するには、--type と共にプロパティを ID で指定してください
