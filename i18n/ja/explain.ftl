# explain: コードの解析、次の手順、イベント データ c00402e7 (英語版: i18n/en/explain.ftl)。
explain-valid-forms = 5.4.4 や 4.4.7 のような拡張状態コード (クラス 2、4、5 . サブジェクト 0 ～ 7 . 詳細)、550 のような応答コード、その両方 ("550 5.1.1")、またはイベント データ c00402e7
explain-not-a-code = '{ $input }' は状態コードではありません。次のいずれかを指定してください: { $forms }
explain-bad-class = '{ $input }': 拡張状態コードのクラス (最初の数字) は 2、4、5 のいずれかです。次のいずれかを指定してください: { $forms }
explain-not-in-registry = '{ $input }': { $code } は IANA の拡張状態コード登録簿にありません。次のいずれかを指定してください: { $forms }
explain-classes-disagree = '{ $input }': 応答コード { $basic } と拡張状態コード { $code } のクラスが一致しません
explain-not-a-reply-code = '{ $input }': { $basic } は SMTP 応答コード (RFC 5321) ではありません。次のいずれかを指定してください: { $forms }
explain-step-diagnose = `metabase-fix diagnose dns { $domain }` を実行して、DNS サーバーが UDP の MX 応答を切り捨て、TCP を拒否しているかどうかを確認します
explain-step-set-dns-mode = 次に、推奨される値 (KB 820284 では 2、KB 263237 では 1) で `metabase-fix set-dns-mode` を実行し、SMTP サービスを再起動します
explain-vendor-detail = { $text } (詳細 { $detail } は IANA の登録簿にありません: ベンダー独自のコード)
explain-unknown = 不明
explain-basic-fix = コードに続くテキストと、サーバーが返す場合は拡張状態コード (X.Y.Z) から、さらに詳しくわかります: `metabase-fix explain "550 5.1.1"`
event-class = SMTPSVC イベント 4000 のデータ (IIS 6 / Exchange 2003)
event-subject = DNS
event-detail = 内部 DNS エラー: SMTP サービスがリモート ドメインのメール サーバーを見つけられませんでした
event-cause-1 = DNS サーバーが UDP のみに応答し、TCP を拒否しています
event-cause-2 = ドメインの MX 応答が 1 つの UDP パケットに収まらないため、切り捨てが発生しています (TC ビット)
event-cause-3 = SMTP サービスが、UDP を優先して使用し、切り捨てが発生した場合は TCP にフェールオーバーするように構成されています (SmtpUseTcpDns が 0 または未設定)。切り捨てが発生した応答を破棄して TCP で再試行し、失敗します (KB 820284)
event-cause-4 = または逆のケース: DNS サーバーが TCP のみに応答しています (KB 263237)
event-fix-1 = KB 820284 の場合は /LM/SmtpSvc で SmtpUseTcpDns = 2 (UDP のみ: 切り捨てが発生した応答を使用)、KB 263237 の場合は 1 (TCP のみ)
event-fix-2 = または、DNS サーバーが TCP で応答するように構成します
