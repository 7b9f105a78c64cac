<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountSecrets</name>
    <message>
        <source>Nothing was removed: %1</source>
        <translation>何も削除されませんでした: %1</translation>
    </message>
    <message>
        <source>Secrets left in the keychain: %1. %2</source>
        <translation>キーチェーンに残っているシークレット: %1。%2</translation>
    </message>
</context>
<context>
    <name>ActionRules</name>
    <message>
        <source>This account&apos;s access token can only read (read_api scope). Sign in with a token that has the api scope to run actions.</source>
        <translation>このアカウントのアクセストークンは読み取り専用(read_apiスコープ)です。操作するにはapiスコープのトークンでサインインしてください。</translation>
    </message>
    <message>
        <source>This is an older attempt; a newer run of the job exists.</source>
        <translation>これは以前の試行です。このジョブには新しい実行があります。</translation>
    </message>
    <message>
        <source>Only manual jobs that are waiting to be started can be run.</source>
        <translation>実行できるのは、開始を待っている手動ジョブのみです。</translation>
    </message>
    <message>
        <source>The job has not finished yet. Cancel it or wait for it to finish before retrying.</source>
        <translation>ジョブはまだ完了していません。再試行する前にキャンセルするか、完了を待ってください。</translation>
    </message>
    <message>
        <source>Only jobs that passed, failed or were canceled can be retried.</source>
        <translation>再試行できるのは、成功、失敗、またはキャンセルされたジョブのみです。</translation>
    </message>
    <message>
        <source>GitLab&apos;s API cannot cancel a trigger job. Cancel its downstream pipeline instead.</source>
        <translation>GitLabのAPIではトリガージョブをキャンセルできません。代わりにダウンストリームパイプラインをキャンセルしてください。</translation>
    </message>
    <message>
        <source>The job is already being canceled.</source>
        <translation>ジョブはすでにキャンセル中です。</translation>
    </message>
    <message>
        <source>Only jobs that are waiting or running can be canceled.</source>
        <translation>キャンセルできるのは、待機中または実行中のジョブのみです。</translation>
    </message>
    <message>
        <source>A trigger job has no log or artifacts to erase.</source>
        <translation>トリガージョブには消去するログやアーティファクトがありません。</translation>
    </message>
    <message>
        <source>The log and artifacts of this job were already erased.</source>
        <translation>このジョブのログとアーティファクトはすでに消去されています。</translation>
    </message>
    <message>
        <source>Only finished jobs can be erased.</source>
        <translation>消去できるのは完了したジョブのみです。</translation>
    </message>
    <message>
        <source>Only a failed or canceled pipeline has jobs to retry.</source>
        <translation>再試行するジョブがあるのは、失敗またはキャンセルされたパイプラインのみです。</translation>
    </message>
    <message>
        <source>The pipeline is already being canceled.</source>
        <translation>パイプラインはすでにキャンセル中です。</translation>
    </message>
    <message>
        <source>Only a pipeline that is waiting or running can be canceled.</source>
        <translation>キャンセルできるのは、待機中または実行中のパイプラインのみです。</translation>
    </message>
    <message>
        <source>This GitLab cannot retry a trigger job through its API (GitLab 17.1 and later can). Open it in the browser to run it again.</source>
        <translation>このGitLabではAPIからトリガージョブを再試行できません（GitLab 17.1以降で可能です）。再度実行するにはブラウザで開いてください。</translation>
    </message>
    <message>
        <source>This GitLab cannot start a trigger job through its API. Open it in the browser to run it.</source>
        <translation>このGitLabではAPIからトリガージョブを開始できません。実行するにはブラウザで開いてください。</translation>
    </message>
</context>
<context>
    <name>CertificateProblem</name>
    <message>
        <source>The certificate is self-signed, and this computer does not trust it.</source>
        <translation>この証明書は自己署名されており、このコンピューターでは信頼されていません。</translation>
    </message>
    <message>
        <source>The certificate was issued by a certificate authority this computer does not trust.</source>
        <translation>この証明書は、このコンピューターが信頼していない認証局によって発行されています。</translation>
    </message>
    <message>
        <source>The certificate is not valid for this host name.</source>
        <translation>この証明書はこのホスト名に対して有効ではありません。</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>この証明書は期限切れです。</translation>
    </message>
    <message>
        <source>The certificate is not valid yet. Check this computer&apos;s clock.</source>
        <translation>この証明書はまだ有効になっていません。このコンピューターの時計を確認してください。</translation>
    </message>
    <message>
        <source>The certificate has been revoked.</source>
        <translation>この証明書は失効しています。</translation>
    </message>
    <message>
        <source>The server sent no certificate.</source>
        <translation>サーバーが証明書を送信しませんでした。</translation>
    </message>
    <message>
        <source>The certificate could not be verified (%1).</source>
        <translation>証明書を検証できませんでした(%1)。</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>サブジェクト: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>発行者: %1</translation>
    </message>
    <message>
        <source>Valid from %1 until %2</source>
        <translation>有効期間: %1から%2まで</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: %1</source>
        <translation>SHA-256フィンガープリント: %1</translation>
    </message>
    <message>
        <source>Valid for: %1</source>
        <translation>有効な名前: %1</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>問題: %1</translation>
    </message>
</context>
<context>
    <name>CloseToTray</name>
    <message>
        <source>Keep Watching?</source>
        <translation>ウォッチを続けますか?</translation>
    </message>
    <message>
        <source>Keep Pipedeck running in the tray?</source>
        <translation>Pipedeckをトレイで実行したままにしますか?</translation>
    </message>
    <message>
        <source>Pipedeck keeps watching your pipelines and tells you when they fail or wait for you. Quit it from the tray icon&apos;s menu. You can change this in Preferences.</source>
        <translation>Pipedeckはパイプラインのウォッチを続け、失敗したときや操作を待っているときにお知らせします。終了するにはトレイアイコンのメニューを使用してください。この設定は環境設定で変更できます。</translation>
    </message>
    <message>
        <source>Keep in Tray</source>
        <translation>トレイに残す</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>FailureReason</name>
    <message>
        <source>The job&apos;s script failed.</source>
        <translation>ジョブのスクリプトが失敗しました。</translation>
    </message>
    <message>
        <source>The runner had a system failure.</source>
        <translation>Runnerでシステム障害が発生しました。</translation>
    </message>
    <message>
        <source>The job was stuck or timed out.</source>
        <translation>ジョブがスタックしたか、タイムアウトしました。</translation>
    </message>
    <message>
        <source>The job ran longer than its timeout.</source>
        <translation>ジョブの実行時間がタイムアウトを超えました。</translation>
    </message>
    <message>
        <source>GitLab&apos;s API failed while running the job.</source>
        <translation>ジョブの実行中にGitLabのAPIでエラーが発生しました。</translation>
    </message>
    <message>
        <source>An artifact the job needs is missing.</source>
        <translation>ジョブに必要なアーティファクトがありません。</translation>
    </message>
    <message>
        <source>The runner is too old for this job.</source>
        <translation>このジョブを実行するにはRunnerが古すぎます。</translation>
    </message>
    <message>
        <source>The job is archived and cannot run.</source>
        <translation>ジョブはアーカイブされているため実行できません。</translation>
    </message>
    <message>
        <source>The job&apos;s prerequisites were not met.</source>
        <translation>ジョブの前提条件が満たされませんでした。</translation>
    </message>
    <message>
        <source>GitLab could not schedule the job.</source>
        <translation>GitLabはジョブをスケジュールできませんでした。</translation>
    </message>
    <message>
        <source>GitLab found a data integrity problem.</source>
        <translation>GitLabがデータ整合性の問題を検出しました。</translation>
    </message>
    <message>
        <source>Unknown failure.</source>
        <translation>不明な失敗です。</translation>
    </message>
</context>
<context>
    <name>GitLabStatus</name>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>Could not reach the GitLab server.</source>
        <translation>GitLabサーバーに接続できませんでした。</translation>
    </message>
    <message>
        <source>The GitLab server did not answer in time.</source>
        <translation>GitLabサーバーが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>GitLab did not accept the access token. It may be wrong, expired or revoked.</source>
        <translation>GitLabがアクセストークンを受け付けませんでした。トークンが誤っているか、有効期限切れか、取り消された可能性があります。</translation>
    </message>
    <message>
        <source>GitLab refused this: your role or the token&apos;s scope does not allow it.</source>
        <translation>GitLabが拒否しました。ロールまたはトークンのスコープで許可されていません。</translation>
    </message>
    <message>
        <source>Not found on GitLab. It may have been deleted, or you may not have access.</source>
        <translation>GitLab上に見つかりませんでした。削除されたか、アクセス権がない可能性があります。</translation>
    </message>
    <message>
        <source>GitLab rejected the request.</source>
        <translation>GitLabがリクエストを拒否しました。</translation>
    </message>
    <message>
        <source>GitLab cannot do this right now because of a conflicting change. Try again.</source>
        <translation>競合する変更があるため、GitLabは現在この操作を実行できません。もう一度やり直してください。</translation>
    </message>
    <message>
        <source>GitLab rejected the request (HTTP %1).</source>
        <translation>GitLabがリクエストを拒否しました(HTTP %1)。</translation>
    </message>
    <message>
        <source>GitLab&apos;s rate limit was reached. Try again later.</source>
        <translation>GitLabのレート制限に達しました。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The GitLab server had an error (HTTP %1).</source>
        <translation>GitLabサーバーでエラーが発生しました(HTTP %1)。</translation>
    </message>
    <message>
        <source>The server&apos;s reply was incomplete or not a GitLab API reply.</source>
        <translation>サーバーの応答が不完全か、GitLab APIの応答ではありません。</translation>
    </message>
    <message>
        <source>The GitLab instance redirected the request. Check the account&apos;s URL.</source>
        <translation>GitLabインスタンスがリクエストをリダイレクトしました。アカウントのURLを確認してください。</translation>
    </message>
    <message>
        <source>The GitLab instance moved to %1. Check the account&apos;s URL.</source>
        <translation>GitLabインスタンスは%1に移動しました。アカウントのURLを確認してください。</translation>
    </message>
    <message>
        <source>The server pointed the next page to another site (%1); the list is incomplete.</source>
        <translation>サーバーが次のページとして別のサイト(%1)を指定しました。リストは不完全です。</translation>
    </message>
    <message>
        <source>Refusing to send the access token over an unencrypted (http) connection. Use https, or allow it explicitly for this account.</source>
        <translation>暗号化されていない(http)接続ではアクセストークンを送信しません。httpsを使用するか、このアカウントで明示的に許可してください。</translation>
    </message>
    <message>
        <source>The secure connection failed: the server&apos;s certificate could not be verified.</source>
        <translation>安全な接続に失敗しました。サーバーの証明書を検証できませんでした。</translation>
    </message>
    <message>
        <source>The connection was lost after the request was sent, so it is not known whether it took effect. Checking the current state instead of sending it again.</source>
        <translation>リクエストの送信後に接続が切れたため、反映されたかどうかわかりません。再送信せずに現在の状態を確認しています。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>%1 GitLab says: %2</source>
        <translation>%1 GitLabからのメッセージ: %2</translation>
    </message>
    <message>
        <source>GitLab asked Pipedeck to wait until %1 (rate limit).</source>
        <translation>GitLabのレート制限により、%1まで待機するよう求められました。</translation>
    </message>
</context>
<context>
    <name>LogViewAccessible</name>
    <message>
        <source>Line %1: %2</source>
        <translation>%1 行目: %2</translation>
    </message>
</context>
<context>
    <name>RefsModel</name>
    <message>
        <source>Branch</source>
        <translation>ブランチ</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
</context>
<context>
    <name>ShortcutCatalog</name>
    <message>
        <source>Main window</source>
        <translation>メインウィンドウ</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>パイプライン</translation>
    </message>
    <message>
        <source>Pipeline graph</source>
        <translation>パイプラインのグラフ</translation>
    </message>
    <message>
        <source>Job log</source>
        <translation>ジョブログ</translation>
    </message>
    <message>
        <source>Job log lines</source>
        <translation>ジョブログの行</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Play and run dialogs</source>
        <translation>実行ダイアログ</translation>
    </message>
    <message>
        <source>Open Log File…</source>
        <translation>ログファイルを開く…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Play…</source>
        <translation>変数を指定して実行…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>消去…</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>ブラウザで開く</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Retry Failed Jobs</source>
        <translation>失敗したジョブを再試行</translation>
    </message>
    <message>
        <source>Run Pipeline…</source>
        <translation>パイプラインを実行…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Next or previous job</source>
        <translation>次または前のジョブ</translation>
    </message>
    <message>
        <source>Next or previous stage</source>
        <translation>次または前のステージ</translation>
    </message>
    <message>
        <source>First job</source>
        <translation>最初のジョブ</translation>
    </message>
    <message>
        <source>Last job</source>
        <translation>最後のジョブ</translation>
    </message>
    <message>
        <source>Open the job, or expand a downstream pipeline</source>
        <translation>ジョブを開く、またはダウンストリームパイプラインを展開</translation>
    </message>
    <message>
        <source>Menu of the job</source>
        <translation>ジョブのメニュー</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>次を検索</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>前を検索</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>指定行へ移動</translation>
    </message>
    <message>
        <source>Next Error</source>
        <translation>次のエラー</translation>
    </message>
    <message>
        <source>Previous Error</source>
        <translation>前のエラー</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>タイムスタンプ</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>アウトライン</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>末尾へ移動</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>名前を付けて保存…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Close the search or go-to bar</source>
        <translation>検索バーまたは行移動バーを閉じる</translation>
    </message>
    <message>
        <source>Copy the selection</source>
        <translation>選択範囲をコピー</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <source>Collapse or expand the section</source>
        <translation>セクションを折りたたむ/展開</translation>
    </message>
    <message>
        <source>Toggle the section at the current line</source>
        <translation>現在の行のセクションを切り替え</translation>
    </message>
    <message>
        <source>Page up or down</source>
        <translation>1ページ上または下へ</translation>
    </message>
    <message>
        <source>Paste KEY=VALUE lines or GitLab&apos;s JSON as rows</source>
        <translation>KEY=VALUE の行または GitLab の JSON を行として貼り付け</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>機密</translation>
    </message>
    <message>
        <source>Show Value</source>
        <translation>値を表示</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>環境設定…</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>ウォッチ</translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>Passed</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed (allowed)</source>
        <translation>失敗(許容)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成済み</translation>
    </message>
    <message>
        <source>Waiting for resource</source>
        <translation>リソース待ち</translation>
    </message>
    <message>
        <source>Waiting for callback</source>
        <translation>コールバック待ち</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>準備中</translation>
    </message>
    <message>
        <source>Canceling</source>
        <translation>キャンセル中</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ済み</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>マニュアル</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>スケジュール済み</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>%1h %2m</source>
        <translation>%1時間%2分</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1分前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1時間前</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1日前</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1日前</translation>
    </message>
</context>
<context>
    <name>TlsTrust</name>
    <message>
        <source>The file is too large to be a certificate (more than 1 MiB).</source>
        <translation>ファイルが大きすぎます(1 MiB超)。証明書のファイルではありません。</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>ファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The file holds no certificate (PEM or DER) Pipedeck can read.</source>
        <translation>このファイルには、Pipedeckが読み込める証明書(PEMまたはDER)が含まれていません。</translation>
    </message>
</context>
<context>
    <name>TraceFollower</name>
    <message>
        <source>Cannot create the folder %1 for job logs.</source>
        <translation>ジョブログ用のフォルダー%1を作成できません。</translation>
    </message>
    <message>
        <source>Cannot create a file in %1: %2</source>
        <translation>%1にファイルを作成できません: %2</translation>
    </message>
    <message>
        <source>The job-log cache is full: %1 of at most %2 is taken by the logs that are open. Close some job logs, or raise the limit.</source>
        <translation>ジョブログのキャッシュがいっぱいです: 上限%2のうち%1を開いているログが使用しています。ジョブログをいくつか閉じるか、上限を引き上げてください。</translation>
    </message>
</context>
<context>
    <name>TriggerFlags</name>
    <message>
        <source>expired</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation>まもなく期限切れ</translation>
    </message>
    <message>
        <source>no valid owner</source>
        <translation>有効なオーナーなし</translation>
    </message>
    <message>
        <source>never used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>長期間未使用</translation>
    </message>
</context>
<context>
    <name>TriggersLoader</name>
    <message>
        <source>Managing trigger tokens needs the Maintainer role.</source>
        <translation>トリガートークンを管理するには、メンテナーのロールが必要です。</translation>
    </message>
</context>
<context>
    <name>pipedeck</name>
    <message>
        <source>Enter the address of your GitLab instance, for example gitlab.com.</source>
        <translation>GitLabインスタンスのアドレスを入力してください(例: gitlab.com)。</translation>
    </message>
    <message>
        <source>This is not a valid address.</source>
        <translation>有効なアドレスではありません。</translation>
    </message>
    <message>
        <source>The address must start with https:// or http://.</source>
        <translation>アドレスはhttps://またはhttp://で始まる必要があります。</translation>
    </message>
    <message>
        <source>Remove the user name and password from the address; Pipedeck signs in with an access token.</source>
        <translation>アドレスからユーザー名とパスワードを削除してください。Pipedeckはアクセストークンでサインインします。</translation>
    </message>
</context>
<context>
    <name>pipedeck-log</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1を開けません: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1を読み取れません: %2</translation>
    </message>
    <message>
        <source>Renders a GitLab job log as GitLab shows it.</source>
        <translation>GitLabのジョブログをGitLabと同じ表示で出力します。</translation>
    </message>
    <message>
        <source>Output format: text, html or json.</source>
        <translation>出力形式: text、htmlまたはjson。</translation>
    </message>
    <message>
        <source>Feed the log N bytes at a time, as a running job&apos;s log arrives.</source>
        <translation>実行中のジョブのログが届くように、ログをNバイトずつ読み込みます。</translation>
    </message>
    <message>
        <source>The raw job log.</source>
        <translation>rawジョブログ。</translation>
    </message>
    <message>
        <source>Give exactly one log file.</source>
        <translation>ログファイルを1つだけ指定してください。</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot;: use text, html or json.</source>
        <translation>不明な形式「%1」です。text、htmlまたはjsonを指定してください。</translation>
    </message>
    <message>
        <source>--chunk-size needs a positive number of bytes.</source>
        <translation>--chunk-sizeには正のバイト数を指定してください。</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>一時ディレクトリを作成できません: %1</translation>
    </message>
    <message>
        <source>Cannot write to standard output.</source>
        <translation>標準出力に書き込めません。</translation>
    </message>
    <message>
        <source>Writing the output failed.</source>
        <translation>出力の書き込みに失敗しました。</translation>
    </message>
    <message>
        <source>Indexes a job log and prints its size and structure.</source>
        <translation>ジョブログのインデックスを作成し、サイズと構造を出力します。</translation>
    </message>
    <message>
        <source>Usage: pipedeck-log render --format text|html|json [--chunk-size N] FILE
       pipedeck-log stats FILE</source>
        <translation>使い方: pipedeck-log render --format text|html|json [--chunk-size N] FILE
        pipedeck-log stats FILE</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>不明なコマンド「%1」です。</translation>
    </message>
    <message>
        <source>Renders and measures GitLab CI job logs with the engine of Pipedeck&apos;s log viewer:
ANSI colours, collapsible sections and runner timestamps as GitLab shows them.

Commands:
  render   Print FILE as plain text, HTML or JSON lines, as GitLab renders it.
  stats    Print FILE&apos;s size, lines and sections, and how long indexing it took and how much memory.

Options:
  --format text|html|json  Output format of render.
  --chunk-size N           Feed the file N bytes at a time, as a live log arrives.
  -h, --help               Displays this help.
  -v, --version            Displays version information.</source>
        <translation>Pipedeck のログビューアーと同じエンジンで GitLab CI のジョブログを描画・計測します:
ANSI カラー、折りたためるセクション、Runner のタイムスタンプを GitLab と同じように扱います。

コマンド:
  render   FILE を GitLab と同じ描画でプレーンテキスト、HTML、JSON 行として出力します。
  stats    FILE のサイズ、行数、セクション数と、インデックス作成の所要時間とメモリ量を出力します。

オプション:
  --format text|html|json  render の出力形式。
  --chunk-size N           ライブのログが届くように、ファイルを N バイトずつ読み込みます。
  -h, --help               このヘルプを表示します。
  -v, --version            バージョン情報を表示します。</translation>
    </message>
</context>
<context>
    <name>pipedeck::AboutDialog</name>
    <message>
        <source>Pipedeck %1 · Qt %2 (built with %3) · QtKeychain %4</source>
        <translation>Pipedeck %1 · Qt %2 (ビルド時 %3) · QtKeychain %4</translation>
    </message>
    <message>
        <source>About Pipedeck</source>
        <translation>Pipedeck について</translation>
    </message>
    <message>
        <source>Pipedeck</source>
        <translation>Pipedeck</translation>
    </message>
    <message>
        <source>A desktop client for GitLab CI/CD: pipelines, job logs, manual jobs with variables, triggers and trigger tokens.</source>
        <translation>GitLab CI/CD のデスクトップクライアント: パイプライン、ジョブログ、変数を指定した手動ジョブ、トリガーとトリガートークン。</translation>
    </message>
    <message>
        <source>Pipedeck&apos;s licence</source>
        <translation>Pipedeck のライセンス</translation>
    </message>
    <message>
        <source>&amp;Licence (MIT)</source>
        <translation>ライセンス (MIT)(&amp;L)</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>サードパーティーの通知</translation>
    </message>
    <message>
        <source>&amp;Third-party notices</source>
        <translation>サードパーティーの通知(&amp;T)</translation>
    </message>
</context>
<context>
    <name>pipedeck::AccountNetState</name>
    <message>
        <source>Cannot reach GitLab at %1 (offline). Refreshing is paused until it answers.</source>
        <translation>%1のGitLabに接続できません(オフライン)。応答があるまで更新を停止します。</translation>
    </message>
    <message>
        <source>%1 %2 left.</source>
        <comment>rate limit sentence, then m:ss</comment>
        <translation>%1 残り%2です。</translation>
    </message>
    <message>
        <source>%1 Checking now…</source>
        <comment>offline sentence</comment>
        <translation>%1 確認しています…</translation>
    </message>
    <message>
        <source>%1 Next check in %2.</source>
        <comment>offline sentence, then m:ss</comment>
        <translation>%1 %2後に再確認します。</translation>
    </message>
</context>
<context>
    <name>pipedeck::AccountRemovalPrompt</name>
    <message>
        <source>Remove the account %1 on %2 from Pipedeck?</source>
        <translation>%2 のアカウント %1 を Pipedeck から削除しますか?</translation>
    </message>
    <message>
        <source>Pipedeck keeps no secret of this account in the OS keychain.</source>
        <translation>Pipedeck はこのアカウントのシークレットを OS のキーチェーンに保存していません。</translation>
    </message>
    <message>
        <source>the personal access token</source>
        <translation>パーソナルアクセストークン</translation>
    </message>
    <message>
        <source>pipeline trigger tokens: %1</source>
        <translation>パイプライントリガートークン: %1</translation>
    </message>
    <message>
        <source>masked variable values of presets: %1</source>
        <translation>プリセットのマスクされた変数の値: %1</translation>
    </message>
    <message>
        <source>Pipedeck deletes from the OS keychain:</source>
        <translation>Pipedeck が OS のキーチェーンから削除するもの:</translation>
    </message>
    <message>
        <source>GitLab keeps the tokens: revoke them there if nobody needs them.</source>
        <translation>GitLab 上のトークンは残ります。不要であれば GitLab で取り消してください。</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>アカウントを削除</translation>
    </message>
    <message>
        <source>&amp;Remove Account</source>
        <translation>アカウントを削除(&amp;R)</translation>
    </message>
    <message>
        <source>The account was kept</source>
        <translation>アカウントは削除されませんでした</translation>
    </message>
    <message>
        <source>Unlock the OS keychain and choose Remove Account again to finish.</source>
        <translation>OS のキーチェーンのロックを解除してから、もう一度「アカウントを削除」を選んでください。</translation>
    </message>
</context>
<context>
    <name>pipedeck::AccountTrustRow</name>
    <message>
        <source>Stop trusting</source>
        <translation>信頼をやめる</translation>
    </message>
    <message>
        <source>Stop trusting this account&apos;s extra certificates</source>
        <translation>このアカウントで追加した証明書の信頼をやめる</translation>
    </message>
    <message>
        <source>Also trusts: %1</source>
        <translation>追加で信頼している証明書: %1</translation>
    </message>
</context>
<context>
    <name>pipedeck::AccountWorkspace</name>
    <message>
        <source>%1 · Pipeline #%2</source>
        <comment>project path, pipeline id</comment>
        <translation>%1 · パイプライン #%2</translation>
    </message>
    <message>
        <source>Could not open the project %1. %2</source>
        <translation>プロジェクト%1を開けませんでした。%2</translation>
    </message>
    <message>
        <source>Pipeline %1 of %2 could not be opened. %3</source>
        <translation>%2のパイプライン%1を開けませんでした。%3</translation>
    </message>
    <message>
        <source>Job %1 of %2 could not be opened. %3</source>
        <translation>%2のジョブ%1を開けませんでした。%3</translation>
    </message>
</context>
<context>
    <name>pipedeck::Application</name>
    <message>
        <source>Desktop client for GitLab CI/CD</source>
        <translation>GitLab CI/CDのデスクトップクライアント</translation>
    </message>
    <message>
        <source>Start the built-in GitLab simulator and sign in to it.</source>
        <translation>内蔵のGitLabシミュレーターを起動してサインインします。</translation>
    </message>
    <message>
        <source>User interface language (for example ja).</source>
        <translation>ユーザーインターフェースの言語(例: ja)。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>A GitLab project, pipeline or job URL, or a job log file.</source>
        <translation>GitLabのプロジェクト、パイプライン、ジョブのURL、またはジョブログファイル。</translation>
    </message>
    <message>
        <source>Give one URL or file at most.</source>
        <translation>指定できるURLまたはファイルは1つまでです。</translation>
    </message>
    <message>
        <source>Open Log File</source>
        <translation>ログファイルを開く</translation>
    </message>
    <message>
        <source>Job logs (*.log *.txt *.trace);;All files (*)</source>
        <translation>ジョブログ(*.log *.txt *.trace);;すべてのファイル(*)</translation>
    </message>
</context>
<context>
    <name>pipedeck::CertificateTrustDialog</name>
    <message>
        <source>Trust a certificate for this account</source>
        <translation>このアカウントで証明書を信頼</translation>
    </message>
    <message>
        <source>Pipedeck will trust the certificate below for %1, for this account only, in addition to the certificates this computer trusts. Compare the SHA-256 fingerprint with the one your administrator gives you before you trust it.</source>
        <translation>Pipedeckは、このコンピューターが信頼する証明書に加えて、以下の証明書を%1について、このアカウントに限り信頼します。信頼する前に、SHA-256フィンガープリントを管理者から伝えられたものと照合してください。</translation>
    </message>
    <message>
        <source>Certificate to trust</source>
        <translation>信頼する証明書</translation>
    </message>
    <message>
        <source>Why the server&apos;s certificate was refused</source>
        <translation>サーバーの証明書が拒否された理由</translation>
    </message>
    <message>
        <source>Trust for this account</source>
        <translation>このアカウントで信頼する</translation>
    </message>
</context>
<context>
    <name>pipedeck::DeepLinkRouter</name>
    <message>
        <source>Add an account to open the project %1.</source>
        <translation>プロジェクト%1を開くには、アカウントを追加してください。</translation>
    </message>
    <message>
        <source>%1 is not the address of a GitLab project, pipeline or job.</source>
        <translation>%1はGitLabのプロジェクト、パイプライン、ジョブのアドレスではありません。</translation>
    </message>
    <message>
        <source>No account here is signed in to %1, so %2 cannot be opened. Add an account for %1 to open it.</source>
        <translation>%1にサインインしているアカウントがないため、%2を開けません。開くには%1のアカウントを追加してください。</translation>
    </message>
    <message>
        <source>The account %1 cannot open %2 yet: %3</source>
        <translation>アカウント%1ではまだ%2を開けません: %3</translation>
    </message>
</context>
<context>
    <name>pipedeck::HeldTokensDialog</name>
    <message>
        <source>Trigger Tokens Kept by Pipedeck</source>
        <translation>Pipedeckが保存しているトリガートークン</translation>
    </message>
    <message>
        <source>Trigger tokens in the OS keychain, across accounts</source>
        <translation>OSのキーチェーン内のトリガートークン(すべてのアカウント)</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>保存を解除(&amp;F)</translation>
    </message>
    <message>
        <source>Remove the token from the OS keychain (GitLab keeps it)</source>
        <translation>OSのキーチェーンからトークンを削除します(GitLabには残ります)</translation>
    </message>
    <message>
        <source>&amp;Keep in Keychain</source>
        <translation>キーチェーンに保存(&amp;K)</translation>
    </message>
    <message>
        <source>Store this token of yours in the OS keychain</source>
        <translation>自分のこのトークンをOSのキーチェーンに保存します</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>更新(&amp;R)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>the account is not signed in</source>
        <translation>アカウントがサインインしていません</translation>
    </message>
    <message>
        <source>Pipedeck no longer keeps this token.</source>
        <translation>Pipedeckはこのトークンを保存しなくなりました。</translation>
    </message>
    <message>
        <source>The token is kept in the OS keychain.</source>
        <translation>トークンをOSのキーチェーンに保存しました。</translation>
    </message>
</context>
<context>
    <name>pipedeck::InlineMessage</name>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>メッセージを閉じる</translation>
    </message>
</context>
<context>
    <name>pipedeck::JobDetailsPane</name>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失敗の理由</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>ダウンストリーム</translation>
    </message>
    <message>
        <source>Runner</source>
        <translation>Runner</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>キュー待機時間</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>アーティファクト</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>開始したユーザー</translation>
    </message>
    <message>
        <source>May fail</source>
        <translation>失敗を許容</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webページ</translation>
    </message>
    <message>
        <source>Select a job to see its details.</source>
        <translation>ジョブを選択すると詳細が表示されます。</translation>
    </message>
    <message>
        <source>This job is no longer shown in the pipeline.</source>
        <translation>このジョブはパイプラインに表示されなくなりました。</translation>
    </message>
    <message>
        <source>retried (an older attempt)</source>
        <translation>再試行済み(以前の試行)</translation>
    </message>
    <message>
        <source>log and artifacts erased</source>
        <translation>ログとアーティファクトは消去済み</translation>
    </message>
    <message>
        <source>Pipeline #%1 · %2</source>
        <translation>パイプライン #%1 · %2</translation>
    </message>
    <message>
        <source>Not created yet</source>
        <translation>まだ作成されていません</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>pipedeck::JobLogPage</name>
    <message>
        <source>Job %1</source>
        <comment>a job id, as a title</comment>
        <translation>ジョブ%1</translation>
    </message>
    <message>
        <source>%1 (job %2)</source>
        <translation>%1(ジョブ%2)</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>ジョブ%1</translation>
    </message>
    <message>
        <source>%1 Retrying…</source>
        <translation>%1 再試行中…</translation>
    </message>
</context>
<context>
    <name>pipedeck::JobLogWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>ジョブ(&amp;J)</translation>
    </message>
    <message>
        <source>Show in &amp;Pipeline</source>
        <translation>パイプラインで表示(&amp;P)</translation>
    </message>
    <message>
        <source>Show this job in its pipeline in the main window</source>
        <translation>このジョブをメインウィンドウのパイプラインで表示します</translation>
    </message>
    <message>
        <source>Job %1</source>
        <comment>a job id, as a window title</comment>
        <translation>ジョブ%1</translation>
    </message>
    <message>
        <source>%1 (job %2)</source>
        <comment>job name and id</comment>
        <translation>%1(ジョブ%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>job, project</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>pipedeck::LogSearchBar</name>
    <message>
        <source>Find in log</source>
        <translation>ログ内を検索</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>大文字と小文字を区別</translation>
    </message>
    <message>
        <source>.*</source>
        <translation>.*</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正規表現</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>前の一致(Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>次の一致(F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる(Esc)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>一致する結果がありません</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>%1件(検索中)</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1件</translation>
    </message>
    <message>
        <source>%1 of %2%3</source>
        <translation>%1/%2件%3</translation>
    </message>
</context>
<context>
    <name>pipedeck::LogViewer</name>
    <message>
        <source>Error line %1 (search wrapped around)</source>
        <translation>エラー行%1(先頭から再検索)</translation>
    </message>
    <message>
        <source>Error line %1</source>
        <translation>エラー行%1</translation>
    </message>
    <message>
        <source>No error lines found</source>
        <translation>エラー行は見つかりませんでした</translation>
    </message>
    <message>
        <source>Copied only the first %1 characters; save the log to keep all of it.</source>
        <translation>最初の%1文字のみコピーしました。すべてを残すにはログを保存してください。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1を保存しました</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Find in the log</source>
        <translation>ログ内を検索</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>次を検索</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>前を検索</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>指定行へ移動</translation>
    </message>
    <message>
        <source>Next Error</source>
        <translation>次のエラー</translation>
    </message>
    <message>
        <source>Go to the next error line</source>
        <translation>次のエラー行へ移動</translation>
    </message>
    <message>
        <source>Previous Error</source>
        <translation>前のエラー</translation>
    </message>
    <message>
        <source>Go to the previous error line</source>
        <translation>前のエラー行へ移動</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>タイムスタンプ</translation>
    </message>
    <message>
        <source>Show the runner&apos;s timestamps</source>
        <translation>Runnerのタイムスタンプを表示</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Show times in UTC (off: local time)</source>
        <translation>時刻をUTCで表示(オフ: ローカル時刻)</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>アウトライン</translation>
    </message>
    <message>
        <source>Show the outline of sections</source>
        <translation>セクションのアウトラインを表示</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>すべて折りたたむ</translation>
    </message>
    <message>
        <source>Collapse every section</source>
        <translation>すべてのセクションを折りたたむ</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>すべて展開</translation>
    </message>
    <message>
        <source>Expand every section</source>
        <translation>すべてのセクションを展開</translation>
    </message>
    <message>
        <source>Go to End</source>
        <translation>末尾へ移動</translation>
    </message>
    <message>
        <source>Go to the end of the log</source>
        <translation>ログの末尾へ移動</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>名前を付けて保存…</translation>
    </message>
    <message>
        <source>Save the log as raw text, plain text or HTML</source>
        <translation>ログをraw、プレーンテキストまたはHTMLとして保存</translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation>移動先の行:</translation>
    </message>
    <message>
        <source>GitLab may deliver live output in steps of up to a minute.</source>
        <translation>GitLabはライブ出力を最大1分ごとにまとめて配信する場合があります。</translation>
    </message>
    <message>
        <source>Jump to Live</source>
        <translation>ライブ出力へ移動</translation>
    </message>
    <message>
        <source>Scroll to the newest output and follow it</source>
        <translation>最新の出力までスクロールして追従</translation>
    </message>
    <message>
        <source>Looking for errors…</source>
        <translation>エラーを検索中…</translation>
    </message>
    <message>
        <source>(1–%1)</source>
        <translation>(1–%1)</translation>
    </message>
    <message>
        <source>There is no log to save.</source>
        <translation>保存するログがありません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1に書き込めません: %2</translation>
    </message>
    <message>
        <source>The raw log is not available: %1</source>
        <translation>rawログを利用できません: %1</translation>
    </message>
    <message>
        <source>Raw log with colour codes (*.log)</source>
        <translation>カラーコード付きrawログ(*.log)</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>プレーンテキスト(*.txt)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webページ(*.html)</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>ログを保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存中…</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1に書き込めません。</translation>
    </message>
    <message>
        <source>No log</source>
        <translation>ジョブログなし</translation>
    </message>
    <message>
        <source>%1 lines, %2</source>
        <translation>%1行、%2</translation>
    </message>
    <message>
        <source>Downloading the log…</source>
        <translation>ログをダウンロード中…</translation>
    </message>
    <message>
        <source>Indexing the log…</source>
        <translation>ログのインデックスを作成中…</translation>
    </message>
    <message>
        <source>following</source>
        <translation>追従中</translation>
    </message>
    <message>
        <source>Downloading the log… %1 of %2</source>
        <translation>ログをダウンロード中… %1 / %2</translation>
    </message>
    <message>
        <source>Downloading the log… %1</source>
        <translation>ログをダウンロード中… %1</translation>
    </message>
</context>
<context>
    <name>pipedeck::LogViewerWindow</name>
    <message>
        <source>Log Viewer</source>
        <translation>ログビューア</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>%1 — Log Viewer</source>
        <translation>%1 — ログビューア</translation>
    </message>
    <message>
        <source>Open Log</source>
        <translation>ログを開く</translation>
    </message>
    <message>
        <source>Job logs (*.log *.txt *.trace);;All files (*)</source>
        <translation>ジョブログ(*.log *.txt *.trace);;すべてのファイル(*)</translation>
    </message>
</context>
<context>
    <name>pipedeck::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>アカウントを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>アカウントを追加</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>No account yet. Add one to see your projects.</source>
        <translation>アカウントがまだありません。アカウントを追加するとプロジェクトが表示されます。</translation>
    </message>
    <message>
        <source>Reading the token from the keychain…</source>
        <translation>キーチェーンからトークンを読み込み中…</translation>
    </message>
    <message>
        <source>Demo: a simulated GitLab on this computer.</source>
        <translation>デモ: このコンピューター上のシミュレートされたGitLabです。</translation>
    </message>
    <message>
        <source>From GITLAB_HOST and GITLAB_TOKEN; nothing is stored.</source>
        <translation>GITLAB_HOSTとGITLAB_TOKENを使用しています。何も保存されません。</translation>
    </message>
    <message>
        <source>&amp;Open Log File…</source>
        <translation>ログファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Back to %1</source>
        <translation>%1に戻る(&amp;B)</translation>
    </message>
    <message>
        <source>The data shown is not up to date.</source>
        <translation>表示中のデータは最新ではありません。</translation>
    </message>
    <message>
        <source>%1 · Pipeline #%2</source>
        <comment>project path, pipeline id</comment>
        <translation>%1 · パイプライン #%2</translation>
    </message>
    <message>
        <source>Trigger &amp;Tokens Kept…</source>
        <translation>保存済みのトリガートークン(&amp;T)…</translation>
    </message>
    <message>
        <source>The trigger tokens Pipedeck keeps in the OS keychain, across accounts</source>
        <translation>PipedeckがOSのキーチェーンに保存しているトリガートークン(すべてのアカウント)</translation>
    </message>
    <message>
        <source>Stored &amp;Secrets…</source>
        <translation>保存済みのシークレット(&amp;S)…</translation>
    </message>
    <message>
        <source>Everything Pipedeck keeps in the OS keychain</source>
        <translation>Pipedeck が OS のキーチェーンに保存しているすべてのもの</translation>
    </message>
    <message>
        <source>&amp;Remove Account…</source>
        <translation>アカウントを削除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the current account and its secrets from Pipedeck</source>
        <translation>現在のアカウントとそのシークレットを Pipedeck から削除します</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Pipedeck</source>
        <translation>Pipedeck について(&amp;A)</translation>
    </message>
    <message>
        <source>%1 trusts only this computer&apos;s certificates again.</source>
        <translation>%1は、再びこのコンピューターが信頼する証明書のみを信頼します。</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>pipedeck::NotificationsPage</name>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>&amp;Watch pipelines of this account by these rules</source>
        <translation>このアカウントのパイプラインを以下のルールでウォッチ(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Only my pipelines (the ones I started)</source>
        <translation>自分のパイプラインのみ(自分が開始したもの)(&amp;O)</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>ブランチ</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>すべてのブランチ</translation>
    </message>
    <message>
        <source>Branch patterns separated by commas, as GitLab&apos;s protected branches: * matches anything, also /. Empty: all branches.</source>
        <translation>カンマ区切りのブランチパターン(GitLabの保護ブランチと同じ書式: * は / を含む任意の文字列に一致)。空欄: すべてのブランチ。</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>すべてのソース</translation>
    </message>
    <message>
        <source>GitLab&apos;s pipeline sources separated by commas (push, web, schedule, merge_request_event, …). Empty: all sources.</source>
        <translation>カンマ区切りのGitLabのパイプラインソース(push、web、schedule、merge_request_eventなど)。空欄: すべてのソース。</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>The rules look at the projects ticked here and at the projects you open in Pipedeck.</source>
        <translation>ルールは、ここでチェックしたプロジェクトと、Pipedeckで開いたプロジェクトを対象にします。</translation>
    </message>
    <message>
        <source>Which pipelines</source>
        <translation>対象のパイプライン</translation>
    </message>
    <message>
        <source>&amp;Branches:</source>
        <translation>ブランチ(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Sources:</source>
        <translation>ソース(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Projects:</source>
        <translation>プロジェクト(&amp;P):</translation>
    </message>
    <message>
        <source>Notify me when a pipeline</source>
        <translation>パイプラインが次のようになったら通知</translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation>失敗した(&amp;F)</translation>
    </message>
    <message>
        <source>Pa&amp;ssed</source>
        <translation>成功した(&amp;S)</translation>
    </message>
    <message>
        <source>Was &amp;canceled</source>
        <translation>キャンセルされた(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Waits for a manual job</source>
        <translation>手動ジョブを待っている(&amp;W)</translation>
    </message>
    <message>
        <source>Runs &amp;longer than</source>
        <translation>次の時間より長く実行中(&amp;L)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <source> min</source>
        <comment>minutes</comment>
        <translation>分</translation>
    </message>
    <message>
        <source>A pipeline you watch with Watch tells you every end and a manual job waiting, whatever these say.</source>
        <translation>「ウォッチ」でウォッチしたパイプラインは、この設定にかかわらず、終了したときと手動ジョブを待っているときに必ず通知します。</translation>
    </message>
    <message>
        <source>Closing the window while pipelines are watched</source>
        <translation>パイプラインのウォッチ中にウィンドウを閉じたとき</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>確認する</translation>
    </message>
    <message>
        <source>Keeps Pipedeck running in the tray</source>
        <translation>Pipedeckをトレイで実行し続ける</translation>
    </message>
    <message>
        <source>Quits Pipedeck</source>
        <translation>Pipedeckを終了する</translation>
    </message>
    <message>
        <source>Closing the &amp;window while pipelines are watched:</source>
        <translation>パイプラインのウォッチ中にウィンドウを閉じたとき(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>アカウント(&amp;A):</translation>
    </message>
    <message>
        <source>No account yet</source>
        <translation>アカウントがまだありません</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>プロジェクト %1</translation>
    </message>
</context>
<context>
    <name>pipedeck::PipelineGraphView</name>
    <message>
        <source>Pipeline jobs</source>
        <translation>パイプラインのジョブ</translation>
    </message>
    <message>
        <source>Downstream pipeline #%1</source>
        <translation>ダウンストリームパイプライン #%1</translation>
    </message>
    <message>
        <source>triggered by %1</source>
        <translation>%1によってトリガー</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>折りたたむ</translation>
    </message>
    <message>
        <source>Collapse the downstream pipeline</source>
        <translation>ダウンストリームパイプラインを折りたたむ</translation>
    </message>
    <message>
        <source>Expand the downstream pipeline here</source>
        <translation>ダウンストリームパイプラインをここに展開</translation>
    </message>
    <message>
        <source>Show this downstream pipeline on its own</source>
        <translation>このダウンストリームパイプラインを単独で表示</translation>
    </message>
    <message>
        <source>Downstream #%1</source>
        <translation>ダウンストリーム #%1</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>not refreshed</source>
        <translation>未更新</translation>
    </message>
    <message>
        <source>Trigger job</source>
        <translation>トリガージョブ</translation>
    </message>
    <message>
        <source>allowed to fail</source>
        <translation>失敗を許容</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>再試行済み</translation>
    </message>
    <message>
        <source>Select a pipeline to see its jobs.</source>
        <translation>パイプラインを選択するとジョブが表示されます。</translation>
    </message>
    <message>
        <source>Could not load the jobs. %1</source>
        <translation>ジョブを読み込めませんでした。%1</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>ジョブを読み込み中…</translation>
    </message>
    <message>
        <source>This pipeline has no jobs.</source>
        <translation>このパイプラインにはジョブがありません。</translation>
    </message>
    <message>
        <source>%1, stage %2, %3</source>
        <translation>%1、ステージ %2、%3</translation>
    </message>
</context>
<context>
    <name>pipedeck::PipelineHeader</name>
    <message>
        <source>Pipeline #%1</source>
        <translation>パイプライン #%1</translation>
    </message>
    <message>
        <source>No pipeline selected.</source>
        <translation>パイプラインが選択されていません。</translation>
    </message>
    <message>
        <source>Pipeline actions</source>
        <translation>パイプラインの操作</translation>
    </message>
</context>
<context>
    <name>pipedeck::PipelineItemDelegate</name>
    <message>
        <source>iid %1</source>
        <translation>iid %1</translation>
    </message>
    <message>
        <source>Stage %1: %2</source>
        <translation>ステージ%1: %2</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>作成: %1</translation>
    </message>
</context>
<context>
    <name>pipedeck::PipelineTargetFields</name>
    <message>
        <source>Run for &amp;branch or tag</source>
        <translation>ブランチ名またはタグで実行(&amp;B)</translation>
    </message>
    <message>
        <source>Pipeline inputs</source>
        <translation>パイプライン入力</translation>
    </message>
    <message>
        <source>One per line, name: value. Numbers, true/false and [&quot;arrays&quot;] keep their type.</source>
        <translation>1行に1つ、名前: 値。数値、true/false、[&quot;配列&quot;]は型が保たれます。</translation>
    </message>
    <message>
        <source>Choose the branch or tag to run the pipeline for.</source>
        <translation>パイプラインを実行するブランチまたはタグを選択してください。</translation>
    </message>
</context>
<context>
    <name>pipedeck::PipelinesPanel</name>
    <message>
        <source>Branch or tag</source>
        <translation>ブランチまたはタグ</translation>
    </message>
    <message>
        <source>Filter by branch or tag</source>
        <translation>ブランチまたはタグで絞り込み</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Filter by who started the pipeline</source>
        <translation>パイプラインを開始したユーザーで絞り込み</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>ステータスで絞り込み</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <source>Filter by source</source>
        <translation>ソースで絞り込み</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>すべてのソース</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>プッシュ</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>Merge request</source>
        <translation>マージリクエスト</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>トリガー</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Multi-project pipeline</source>
        <translation>マルチプロジェクトパイプライン</translation>
    </message>
    <message>
        <source>Child pipeline</source>
        <translation>子パイプライン</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>パイプライン</translation>
    </message>
    <message>
        <source>Showing older data. %1</source>
        <translation>以前のデータを表示しています。%1</translation>
    </message>
    <message>
        <source>Could not load more pipelines. %1</source>
        <translation>パイプラインをさらに読み込めませんでした。%1</translation>
    </message>
    <message>
        <source>Loading pipelines…</source>
        <translation>パイプラインを読み込み中…</translation>
    </message>
    <message>
        <source>This project has no pipelines yet.</source>
        <translation>このプロジェクトにはまだパイプラインがありません。</translation>
    </message>
    <message>
        <source>No pipeline matches these filters.</source>
        <translation>この条件に一致するパイプラインはありません。</translation>
    </message>
</context>
<context>
    <name>pipedeck::PlayDialog</name>
    <message numerus="yes">
        <source>Play %n Jobs</source>
        <translation>
            <numerusform>%n件のジョブを実行</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>ジョブを実行</translation>
    </message>
    <message>
        <source>Retry “%1”</source>
        <translation>「%1」を再試行</translation>
    </message>
    <message>
        <source>Play “%1”</source>
        <translation>「%1」の実行</translation>
    </message>
    <message>
        <source>Stage %1 · pipeline #%2 · ref %3 · %4</source>
        <translation>ステージ %1 · パイプライン #%2 · ref %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>Play %n manual jobs</source>
        <translation>
            <numerusform>%n件の手動ジョブの実行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · pipeline #%2 · ref %3 · %4</source>
        <translation>%1 · パイプライン #%2 · ref %3 · %4</translation>
    </message>
    <message>
        <source>GitLab did not retry the job. %1</source>
        <translation>GitLabはジョブを再試行しませんでした。%1</translation>
    </message>
    <message>
        <source>This job already ran. Retrying it runs a new job with the variables it was played with, shown below (GitLab ignores new values on a retry; sensitive values are reused by GitLab but were never stored here). To run with other values, run a new pipeline.</source>
        <translation>このジョブは実行済みです。再試行すると、実行時の変数(下記)で新しいジョブが実行されます(再試行ではGitLabは新しい値を無視します。機密の値はGitLabが再利用しますが、ここには保存されていません)。別の値で実行するには、新しいパイプラインを実行してください。</translation>
    </message>
    <message>
        <source>This job already ran. Retrying it runs a new job with the variables it was played with; Pipedeck did not send them, so it cannot show them. GitLab ignores new values on a retry.</source>
        <translation>このジョブは実行済みです。再試行すると、実行時の変数で新しいジョブが実行されます。その変数はPipedeckから送信されたものではないため、表示できません。再試行ではGitLabは新しい値を無視します。</translation>
    </message>
    <message>
        <source>Restored the values you had not sent, from %1.</source>
        <translation>%1 時点の未送信の値を復元しました。</translation>
    </message>
    <message>
        <source>Prefilled with the values last sent to “%1”. Sensitive values are never stored: type them again.</source>
        <translation>「%1」に前回送信した値を入力済みです。機密の値は保存されないため、もう一度入力してください。</translation>
    </message>
    <message>
        <source>Prefilled with the values last sent to “%1”.</source>
        <translation>「%1」に前回送信した値を入力済みです。</translation>
    </message>
    <message>
        <source>retry of the job %1 (stage %2, pipeline #%3)</source>
        <translation>ジョブ %1 の再試行(ステージ %2、パイプライン #%3)</translation>
    </message>
    <message>
        <source>the manual job %1 (stage %2, pipeline #%3)</source>
        <translation>手動ジョブ %1(ステージ %2、パイプライン #%3)</translation>
    </message>
    <message>
        <source>An action on this job is still running.</source>
        <translation>このジョブへの操作がまだ実行中です。</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>再試行しています…</translation>
    </message>
    <message>
        <source>Nothing was sent: fix the variables marked in the table first.</source>
        <translation>何も送信されていません。先に表で印の付いた変数を修正してください。</translation>
    </message>
    <message numerus="yes">
        <source>Playing %n jobs…</source>
        <translation>
            <numerusform>%n件のジョブを実行しています…</numerusform>
        </translation>
    </message>
    <message>
        <source>Playing…</source>
        <translation>実行しています…</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>「%1」: %2</translation>
    </message>
    <message>
        <source>GitLab did not play: %1</source>
        <translation>GitLabは次のジョブを実行しませんでした: %1</translation>
    </message>
    <message>
        <source>The reply was lost for %1 and GitLab could not be asked what happened; it was not sent again. Check the pipeline before playing it again.</source>
        <translation>%1 への応答が失われ、GitLabに結果を確認できませんでした。リクエストは再送信していません。もう一度実行する前にパイプラインを確認してください。</translation>
    </message>
    <message>
        <source>The values of an earlier play. Sensitive values are never stored: type them again.</source>
        <translation>以前の実行時の値です。機密の値は保存されないため、もう一度入力してください。</translation>
    </message>
    <message>
        <source>The values of an earlier play.</source>
        <translation>以前の実行時の値です。</translation>
    </message>
</context>
<context>
    <name>pipedeck::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>Preferences pages</source>
        <translation>環境設定のページ</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>pipedeck::PresetsButton</name>
    <message>
        <source>Presets</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Apply, save or manage named sets of variables for this project</source>
        <translation>このプロジェクト用の名前付き変数セットを適用、保存、管理します</translation>
    </message>
    <message>
        <source>No presets for this project yet</source>
        <translation>このプロジェクトのプリセットはまだありません</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>ジョブ %1</translation>
    </message>
    <message>
        <source>ref %1</source>
        <translation>ref %1</translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation>プリセットとして保存…</translation>
    </message>
    <message>
        <source>Delete Preset</source>
        <translation>プリセットを削除</translation>
    </message>
    <message>
        <source>Export Presets…</source>
        <translation>プリセットをエクスポート…</translation>
    </message>
    <message>
        <source>Import Presets…</source>
        <translation>プリセットをインポート…</translation>
    </message>
    <message>
        <source>Applied the preset “%1”.</source>
        <translation>プリセット「%1」を適用しました。</translation>
    </message>
    <message>
        <source>Applied the preset “%1”, but the keychain did not give the values of %2: %3</source>
        <translation>プリセット「%1」を適用しましたが、キーチェーンから %2 の値を取得できませんでした: %3</translation>
    </message>
    <message>
        <source>Saved the preset “%1”.</source>
        <translation>プリセット「%1」を保存しました。</translation>
    </message>
    <message>
        <source>Save as Preset</source>
        <translation>プリセットとして保存</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>プリセットの名前:</translation>
    </message>
    <message>
        <source>Name of the preset (tied to the job “%1”):</source>
        <translation>プリセットの名前(ジョブ「%1」に関連付け):</translation>
    </message>
    <message>
        <source>Replace Preset</source>
        <translation>プリセットを置き換え</translation>
    </message>
    <message>
        <source>A preset named “%1” exists. Replace it?</source>
        <translation>「%1」という名前のプリセットがあります。置き換えますか?</translation>
    </message>
    <message>
        <source>Delete the preset “%1” and its sensitive values in the keychain?</source>
        <translation>プリセット「%1」と、キーチェーン内のその機密の値を削除しますか?</translation>
    </message>
    <message>
        <source>Deleted the preset “%1”.</source>
        <translation>プリセット「%1」を削除しました。</translation>
    </message>
    <message>
        <source>Export Presets</source>
        <translation>プリセットのエクスポート</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSONファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n preset(s).</source>
        <translation>
            <numerusform>%n件のプリセットをエクスポートしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sensitive value(s) left out.</source>
        <translation>
            <numerusform>機密の値%n件は除外しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Presets</source>
        <translation>プリセットのインポート</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 を読み込めませんでした。</translation>
    </message>
    <message>
        <source>Rename Preset</source>
        <translation>プリセットの名前を変更</translation>
    </message>
    <message>
        <source>New name of the preset “%1”:</source>
        <translation>プリセット「%1」の新しい名前:</translation>
    </message>
    <message>
        <source>Renamed the preset to “%1”.</source>
        <translation>プリセットの名前を「%1」に変更しました。</translation>
    </message>
</context>
<context>
    <name>pipedeck::ProjectJobsView</name>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Statuses to show</source>
        <translation>表示するステータス</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>ステータスで絞り込み</translation>
    </message>
    <message>
        <source>Show jobs with any of the checked statuses</source>
        <translation>チェックしたいずれかのステータスのジョブを表示します</translation>
    </message>
    <message>
        <source>&amp;Manual jobs</source>
        <translation>手動ジョブ(&amp;M)</translation>
    </message>
    <message>
        <source>Show only manual jobs</source>
        <translation>手動ジョブのみを表示</translation>
    </message>
    <message>
        <source>Every job of the project waiting to be run</source>
        <translation>実行を待っているこのプロジェクトのすべてのジョブ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Refresh the jobs</source>
        <translation>ジョブを更新</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>Status: any</source>
        <translation>ステータス: すべて</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>ステータス: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Showing older data. %1</source>
        <translation>以前のデータを表示しています。%1</translation>
    </message>
    <message>
        <source>Could not load more jobs. %1</source>
        <translation>ジョブをさらに読み込めませんでした。%1</translation>
    </message>
    <message>
        <source>Loading jobs…</source>
        <translation>ジョブを読み込み中…</translation>
    </message>
    <message>
        <source>This project has no jobs yet.</source>
        <translation>このプロジェクトにはまだジョブがありません。</translation>
    </message>
    <message>
        <source>No job is waiting to be run.</source>
        <translation>実行を待っているジョブはありません。</translation>
    </message>
    <message>
        <source>No job has these statuses.</source>
        <translation>これらのステータスに一致するジョブはありません。</translation>
    </message>
</context>
<context>
    <name>pipedeck::ProjectPage</name>
    <message>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>再試行中…</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>消去中…</translation>
    </message>
    <message>
        <source>Could not run the job “%1”.</source>
        <translation>ジョブ「%1」を実行できませんでした。</translation>
    </message>
    <message>
        <source>Could not retry the job “%1”.</source>
        <translation>ジョブ「%1」を再試行できませんでした。</translation>
    </message>
    <message>
        <source>Could not cancel the job “%1”.</source>
        <translation>ジョブ「%1」をキャンセルできませんでした。</translation>
    </message>
    <message>
        <source>Could not erase the job “%1”.</source>
        <translation>ジョブ「%1」を消去できませんでした。</translation>
    </message>
    <message>
        <source>Could not retry the failed jobs of pipeline %1.</source>
        <translation>パイプライン%1の失敗したジョブを再試行できませんでした。</translation>
    </message>
    <message>
        <source>Could not cancel pipeline %1.</source>
        <translation>パイプライン%1をキャンセルできませんでした。</translation>
    </message>
    <message>
        <source>Could not delete pipeline %1.</source>
        <translation>パイプライン%1を削除できませんでした。</translation>
    </message>
    <message>
        <source>The connection was lost after the request was sent. Checking whether it took effect instead of sending it again…</source>
        <translation>リクエストの送信後に接続が切れました。再送信せずに、反映されたかどうかを確認しています…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>消去…</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>ブラウザで開く</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Retry Failed Jobs</source>
        <translation>失敗したジョブを再試行</translation>
    </message>
    <message>
        <source>Cancel Pipeline</source>
        <translation>パイプラインをキャンセル</translation>
    </message>
    <message>
        <source>Delete Pipeline…</source>
        <translation>パイプラインを削除…</translation>
    </message>
    <message>
        <source>Show Retried Jobs</source>
        <translation>再試行されたジョブを表示</translation>
    </message>
    <message>
        <source>Also show the earlier attempts of jobs that were retried</source>
        <translation>再試行されたジョブの以前の試行も表示します</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Read the pipelines and jobs from GitLab now</source>
        <translation>今すぐGitLabからパイプラインとジョブを読み込みます</translation>
    </message>
    <message>
        <source>Could not open job %1. %2</source>
        <translation>ジョブ%1を開けませんでした。%2</translation>
    </message>
    <message>
        <source>Run this manual job now (without variables)</source>
        <translation>この手動ジョブを今すぐ実行します(変数なし)</translation>
    </message>
    <message>
        <source>Run this job again</source>
        <translation>このジョブを再実行します</translation>
    </message>
    <message>
        <source>Stop this job</source>
        <translation>このジョブを停止します</translation>
    </message>
    <message>
        <source>Delete this job&apos;s log and artifacts</source>
        <translation>このジョブのログとアーティファクトを消去します</translation>
    </message>
    <message>
        <source>Select a job first.</source>
        <translation>先にジョブを選択してください。</translation>
    </message>
    <message>
        <source>An action on this job is still running.</source>
        <translation>このジョブに対する操作がまだ実行中です。</translation>
    </message>
    <message>
        <source>Open this job on GitLab</source>
        <translation>このジョブをGitLabで開きます</translation>
    </message>
    <message>
        <source>Copy the job&apos;s web address</source>
        <translation>ジョブのWebアドレスをコピーします</translation>
    </message>
    <message>
        <source>Retry all failed or canceled jobs of this pipeline</source>
        <translation>このパイプラインの失敗またはキャンセルされたすべてのジョブを再試行します</translation>
    </message>
    <message>
        <source>Cancel every waiting or running job</source>
        <translation>待機中または実行中のすべてのジョブをキャンセルします</translation>
    </message>
    <message>
        <source>Delete this pipeline with its jobs and logs</source>
        <translation>このパイプラインをジョブとログごと削除します</translation>
    </message>
    <message>
        <source>Select a pipeline first.</source>
        <translation>先にパイプラインを選択してください。</translation>
    </message>
    <message>
        <source>An action on this pipeline is still running.</source>
        <translation>このパイプラインに対する操作がまだ実行中です。</translation>
    </message>
    <message>
        <source>Erase Job</source>
        <translation>ジョブの消去</translation>
    </message>
    <message>
        <source>Erase the log and artifacts of the job “%1”? This cannot be undone.</source>
        <translation>ジョブ「%1」のログとアーティファクトを消去しますか?この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Delete Pipeline</source>
        <translation>パイプラインの削除</translation>
    </message>
    <message>
        <source>Delete pipeline %1 with all its jobs, logs and artifacts? This cannot be undone.</source>
        <translation>パイプライン%1をすべてのジョブ、ログ、アーティファクトとともに削除しますか?この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Pipeline %1 was deleted.</source>
        <translation>パイプライン%1を削除しました。</translation>
    </message>
    <message>
        <source>GitLab no longer has it: the action took effect.</source>
        <translation>GitLab上にはもう存在しません。操作は反映されました。</translation>
    </message>
    <message>
        <source>GitLab now reports the job as “%1”.</source>
        <translation>GitLabはジョブを現在「%1」と報告しています。</translation>
    </message>
    <message>
        <source>GitLab now reports the pipeline as “%1”.</source>
        <translation>GitLabはパイプラインを現在「%1」と報告しています。</translation>
    </message>
    <message>
        <source>The reply to the request was lost; it was not sent again. %1</source>
        <translation>リクエストへの応答が失われました。再送信はしていません。%1</translation>
    </message>
    <message>
        <source>The reply to the request was lost and GitLab could not be asked what happened. It was not sent again; the next refresh will show the result. %1</source>
        <translation>リクエストへの応答が失われ、GitLabに結果を確認できませんでした。再送信はしていません。次の更新で結果が表示されます。%1</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>リンクをコピーしました。</translation>
    </message>
    <message>
        <source>Collapse Downstream Pipeline</source>
        <translation>ダウンストリームパイプラインを折りたたむ</translation>
    </message>
    <message>
        <source>Expand Downstream Pipeline</source>
        <translation>ダウンストリームパイプラインを展開</translation>
    </message>
    <message>
        <source>Show Downstream Pipeline</source>
        <translation>ダウンストリームパイプラインを表示</translation>
    </message>
    <message>
        <source>Sending the action to GitLab…</source>
        <translation>GitLabに操作を送信中…</translation>
    </message>
    <message>
        <source>Pipeline #%1 is from %2: %3</source>
        <translation>パイプライン #%1は%2時点のデータです: %3</translation>
    </message>
    <message>
        <source>Pipeline #%1 could not be loaded: %2</source>
        <translation>パイプライン #%1を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>The pipelines list is from %1: %2</source>
        <translation>パイプライン一覧は%1時点のデータです: %2</translation>
    </message>
    <message>
        <source>The pipelines could not be loaded: %1</source>
        <translation>パイプラインを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Refreshing pipeline #%1…</source>
        <translation>パイプライン #%1を更新中…</translation>
    </message>
    <message>
        <source>Refreshing the pipelines of %1…</source>
        <translation>%1のパイプラインを更新中…</translation>
    </message>
    <message>
        <source>Up to date as of %1.</source>
        <translation>%1時点で最新です。</translation>
    </message>
    <message>
        <source>Open Log</source>
        <translation>ログを開く</translation>
    </message>
    <message>
        <source>A trigger job has no log of its own.</source>
        <translation>トリガージョブには独自のログがありません。</translation>
    </message>
    <message>
        <source>Show this job&apos;s log in a window of its own</source>
        <translation>このジョブのログを別のウィンドウで表示します</translation>
    </message>
    <message>
        <source>Run this trigger job again: it starts a new downstream pipeline</source>
        <translation>このトリガージョブを再実行します。新しいダウンストリームパイプラインが開始されます</translation>
    </message>
    <message>
        <source>Start this trigger job&apos;s downstream pipeline now</source>
        <translation>このトリガージョブのダウンストリームパイプラインを今すぐ開始します</translation>
    </message>
    <message>
        <source>Play…</source>
        <translation>変数を指定して実行…</translation>
    </message>
    <message>
        <source>Play Manual Jobs of Stage…</source>
        <translation>ステージの手動ジョブを実行…</translation>
    </message>
    <message>
        <source>Run Pipeline…</source>
        <translation>パイプラインを実行…</translation>
    </message>
    <message>
        <source>Run a new pipeline for a branch or tag, with variables</source>
        <translation>ブランチまたはタグで、変数を指定して新しいパイプラインを実行します</translation>
    </message>
    <message>
        <source>Only a manual job can be played with variables.</source>
        <translation>変数を指定して実行できるのは手動ジョブだけです。</translation>
    </message>
    <message>
        <source>Retry this job with the variables it was played with</source>
        <translation>実行時の変数でこのジョブを再試行します</translation>
    </message>
    <message>
        <source>Choose variables, then run this manual job</source>
        <translation>変数を指定して、この手動ジョブを実行します</translation>
    </message>
    <message numerus="yes">
        <source>Play the %n manual job(s) of stage “%1” with the same variables</source>
        <translation>
            <numerusform>ステージ「%1」の%n件の手動ジョブを同じ変数で実行します</numerusform>
        </translation>
    </message>
    <message>
        <source>This stage has no manual job waiting.</source>
        <translation>このステージに実行待ちの手動ジョブはありません。</translation>
    </message>
    <message>
        <source>Pipeline #%1 was created.</source>
        <translation>パイプライン #%1 を作成しました。</translation>
    </message>
    <message>
        <source>Run History…</source>
        <translation>実行履歴…</translation>
    </message>
    <message>
        <source>Every play and pipeline run sent from Pipedeck for this project</source>
        <translation>このプロジェクトでPipedeckから送信したすべてのジョブ実行とパイプライン実行</translation>
    </message>
    <message>
        <source>No manual job “%1” is waiting in the pipeline shown. Show a pipeline where it waits, then run again.</source>
        <translation>表示中のパイプラインに実行待ちの手動ジョブ「%1」はありません。そのジョブが待機しているパイプラインを表示してから再実行してください。</translation>
    </message>
    <message>
        <source>Triggered pipelines are run again from the trigger dialog.</source>
        <translation>トリガーしたパイプラインはトリガーダイアログから再実行します。</translation>
    </message>
    <message>
        <source>&amp;Pipelines</source>
        <translation>パイプライン(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>ジョブ(&amp;J)</translation>
    </message>
    <message>
        <source>Every job of the project, newest first, filtered by status (Manual: the jobs waiting to be played)</source>
        <translation>プロジェクトのすべてのジョブ(新しい順、ステータスで絞り込み。手動: 実行待ちのジョブ)</translation>
    </message>
    <message>
        <source>Show in Pipeline</source>
        <translation>パイプラインで表示</translation>
    </message>
    <message>
        <source>Trigger Pipeline…</source>
        <translation>パイプラインをトリガー…</translation>
    </message>
    <message>
        <source>Start a pipeline with a trigger token kept in the keychain, or one pasted</source>
        <translation>キーチェーンに保存したトリガートークン、または貼り付けたトークンでパイプラインを開始します</translation>
    </message>
    <message>
        <source>Trigger Tokens…</source>
        <translation>トリガートークン…</translation>
    </message>
    <message>
        <source>The project&apos;s pipeline trigger tokens, and the ones Pipedeck keeps (Maintainer role)</source>
        <translation>プロジェクトのパイプライントリガートークンと、Pipedeckが保存しているトークン(メンテナーロール)</translation>
    </message>
    <message>
        <source>Pipeline #%1 was triggered.</source>
        <translation>パイプライン #%1 をトリガーしました。</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>ウォッチ</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>ウォッチ中</translation>
    </message>
    <message>
        <source>Stop watching this pipeline</source>
        <translation>このパイプラインのウォッチをやめます</translation>
    </message>
    <message>
        <source>Tell me when this pipeline fails, passes or waits for a manual job, also with the window closed</source>
        <translation>このパイプラインが失敗、成功したときや手動ジョブを待っているときに、ウィンドウを閉じていても通知します</translation>
    </message>
    <message>
        <source>Watch Downstream Pipeline</source>
        <translation>ダウンストリームパイプラインをウォッチ</translation>
    </message>
    <message>
        <source>Tell me when the downstream pipeline fails, passes or waits for a manual job</source>
        <translation>ダウンストリームパイプラインが失敗、成功したときや手動ジョブを待っているときに通知します</translation>
    </message>
</context>
<context>
    <name>pipedeck::ProjectsPanel</name>
    <message>
        <source>Search projects…</source>
        <translation>プロジェクトを検索…</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>自分のプロジェクト</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>スター付き</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>No account selected.</source>
        <translation>アカウントが選択されていません。</translation>
    </message>
    <message>
        <source>Showing older data: %1</source>
        <translation>以前のデータを表示しています: %1</translation>
    </message>
    <message>
        <source>Loading projects…</source>
        <translation>プロジェクトを読み込み中…</translation>
    </message>
    <message>
        <source>No projects here.</source>
        <translation>プロジェクトがありません。</translation>
    </message>
    <message>
        <source>No project matches this search.</source>
        <translation>検索に一致するプロジェクトはありません。</translation>
    </message>
    <message>
        <source>Search projects</source>
        <translation>プロジェクトを検索</translation>
    </message>
    <message>
        <source>Which projects</source>
        <translation>表示するプロジェクト</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>プロジェクト</translation>
    </message>
</context>
<context>
    <name>pipedeck::RefPicker</name>
    <message>
        <source>default</source>
        <translation>デフォルト</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>保護</translation>
    </message>
    <message>
        <source>Branch or tag</source>
        <translation>ブランチまたはタグ</translation>
    </message>
    <message>
        <source>Type to search branches and tags</source>
        <translation>入力してブランチとタグを検索</translation>
    </message>
    <message>
        <source>Matching branches and tags</source>
        <translation>一致するブランチとタグ</translation>
    </message>
    <message>
        <source>Could not search the branches and tags: %1</source>
        <translation>ブランチとタグを検索できませんでした: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message>
        <source>More refs match: type more of the name to narrow the list.</source>
        <translation>さらに多くのrefが一致します。名前をもっと入力して絞り込んでください。</translation>
    </message>
    <message>
        <source>No branch or tag matches “%1”.</source>
        <translation>「%1」に一致するブランチまたはタグはありません。</translation>
    </message>
</context>
<context>
    <name>pipedeck::RunHistoryPanel</name>
    <message>
        <source>Run History — %1</source>
        <translation>実行履歴 — %1</translation>
    </message>
    <message>
        <source>Filter the run history</source>
        <translation>実行履歴を絞り込む</translation>
    </message>
    <message>
        <source>Filter by job, ref, variable key or error</source>
        <translation>ジョブ、ref、変数キー、エラーで絞り込み</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>絞り込み(&amp;F):</translation>
    </message>
    <message>
        <source>Plays and pipeline runs sent from Pipedeck</source>
        <translation>Pipedeckから送信したジョブ実行とパイプライン実行</translation>
    </message>
    <message>
        <source>&amp;Run Again with These Values…</source>
        <translation>この値で再実行(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open Result</source>
        <translation>結果を開く(&amp;O)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSVをエクスポート(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>JSONをエクスポート(&amp;J)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The run history could not be opened, so nothing is recorded.</source>
        <translation>実行履歴を開けなかったため、何も記録されません。</translation>
    </message>
    <message>
        <source>Open the dialog again with this ref and these variables (sensitive values were not kept: type them again)</source>
        <translation>このrefと変数でダイアログを再度開きます(機密の値は保存されていないため、もう一度入力してください)</translation>
    </message>
    <message>
        <source>Select a play or a pipeline run first.</source>
        <translation>先にジョブ実行またはパイプライン実行を選択してください。</translation>
    </message>
    <message>
        <source>Export Run History as JSON</source>
        <translation>実行履歴をJSONでエクスポート</translation>
    </message>
    <message>
        <source>Export Run History as CSV</source>
        <translation>実行履歴をCSVでエクスポート</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSONファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSVファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1 にエクスポートしました。</translation>
    </message>
</context>
<context>
    <name>pipedeck::RunPipelineDialog</name>
    <message>
        <source>Run Pipeline</source>
        <translation>パイプラインを実行</translation>
    </message>
    <message>
        <source>Run a pipeline of %1</source>
        <translation>%1 のパイプラインの実行</translation>
    </message>
    <message>
        <source>On %1, signed in as %2</source>
        <translation>%1 に %2 としてサインイン中</translation>
    </message>
    <message>
        <source>&amp;Inputs (GitLab 17.10 and later)</source>
        <translation>入力(&amp;I)(GitLab 17.10以降)</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <source>Ask GitLab again whether the pipeline was created; the request is not sent again</source>
        <translation>パイプラインが作成されたかをGitLabにもう一度確認します。リクエストは再送信しません</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>リンクをコピー</translation>
    </message>
    <message>
        <source>Copy GitLab&apos;s link to its Run pipeline form with this ref and these variables (sensitive values left out)</source>
        <translation>このrefと変数を入力したGitLabのパイプライン実行フォームへのリンクをコピーします(機密の値は除外)</translation>
    </message>
    <message>
        <source>Restored the values you had not sent, from %1.</source>
        <translation>%1 時点の未送信の値を復元しました。</translation>
    </message>
    <message>
        <source>Asking GitLab…</source>
        <translation>GitLabに確認しています…</translation>
    </message>
    <message>
        <source>Prefilled from a link: check the values before running.</source>
        <translation>リンクの値を入力しました。実行する前に値を確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>Link copied; %n sensitive variable(s) left out.</source>
        <translation>
            <numerusform>リンクをコピーしました。機密の変数%n件は除外しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>リンクをコピーしました。</translation>
    </message>
    <message>
        <source>a new pipeline on the protected ref %1</source>
        <translation>保護されたref %1 での新しいパイプライン</translation>
    </message>
    <message>
        <source>a new pipeline on %1</source>
        <translation>%1 での新しいパイプライン</translation>
    </message>
    <message>
        <source>with input %1</source>
        <translation>入力 %1 付き</translation>
    </message>
    <message>
        <source>Nothing was sent: check the ref and the variables.</source>
        <translation>何も送信されていません。refと変数を確認してください。</translation>
    </message>
    <message>
        <source>Creating the pipeline…</source>
        <translation>パイプラインを作成しています…</translation>
    </message>
    <message>
        <source>GitLab did not create the pipeline. %1</source>
        <translation>GitLabはパイプラインを作成しませんでした。%1</translation>
    </message>
    <message>
        <source>Pipeline inputs need GitLab 17.10 or later and inputs declared in the project&apos;s CI configuration.</source>
        <translation>パイプライン入力には、GitLab 17.10以降と、プロジェクトのCI設定で宣言された入力が必要です。</translation>
    </message>
    <message>
        <source>The reply was lost and GitLab shows no new pipeline by you on %1 yet. The request was not sent again. %2</source>
        <translation>応答が失われ、GitLabには %1 であなたが作成した新しいパイプラインがまだありません。リクエストは再送信していません。%2</translation>
    </message>
</context>
<context>
    <name>pipedeck::SectionOutlineModel</name>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1(%2行目)</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>セクション</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
</context>
<context>
    <name>pipedeck::SendDialog</name>
    <message>
        <source>&amp;Variables</source>
        <translation>変数(&amp;V)</translation>
    </message>
    <message>
        <source>Check what will be sent:</source>
        <translation>送信する内容を確認してください:</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>&amp;Review before sending</source>
        <translation>送信前に確認(&amp;R)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Fix the variables marked in the table first.</source>
        <translation>先に表で印の付いた変数を修正してください。</translation>
    </message>
    <message>
        <source>%1 Now</source>
        <translation>今すぐ%1</translation>
    </message>
</context>
<context>
    <name>pipedeck::SessionManager</name>
    <message>
        <source>No token is stored for this account. Sign in again.</source>
        <translation>このアカウントのトークンは保存されていません。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>The keychain could not give the token. Retry.</source>
        <translation>キーチェーンからトークンを取得できませんでした。再試行してください。</translation>
    </message>
</context>
<context>
    <name>pipedeck::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
</context>
<context>
    <name>pipedeck::SignInCheck</name>
    <message>
        <source>GitLab did not say which scopes this token has; actions may fail.</source>
        <translation>GitLabからこのトークンのスコープを取得できませんでした。操作が失敗する可能性があります。</translation>
    </message>
    <message>
        <source>%1 did not accept this token. Check that it was copied whole and has not expired or been revoked.</source>
        <translation>%1がこのトークンを受け付けませんでした。トークン全体がコピーされているか、有効期限切れや取り消しになっていないか確認してください。</translation>
    </message>
    <message>
        <source>This token may not read your user profile. Create a token with the api scope (or read_api to only look).</source>
        <translation>このトークンではユーザープロフィールを読み取れません。apiスコープ(閲覧のみの場合はread_api)のトークンを作成してください。</translation>
    </message>
    <message>
        <source>Could not reach %1. Check the address and your network connection.</source>
        <translation>%1に接続できませんでした。アドレスとネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Check the address and your network connection.</source>
        <translation>%1が時間内に応答しませんでした。アドレスとネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>%1 does not look like a GitLab instance: it did not answer the GitLab API.</source>
        <translation>%1はGitLabインスタンスではないようです。GitLab APIに応答しませんでした。</translation>
    </message>
    <message>
        <source>%1 redirects elsewhere. Enter the address of the GitLab instance itself.</source>
        <translation>%1は別の場所にリダイレクトします。GitLabインスタンス自体のアドレスを入力してください。</translation>
    </message>
    <message>
        <source>%1 redirects to %2. Enter that address instead; Pipedeck does not send tokens across redirects.</source>
        <translation>%1は%2にリダイレクトします。代わりにそのアドレスを入力してください。Pipedeckはリダイレクト先にトークンを送信しません。</translation>
    </message>
    <message>
        <source>%1 uses plain http. Pipedeck sends tokens only over https (or to this computer).</source>
        <translation>%1は暗号化されていないhttpを使用しています。Pipedeckはトークンをhttps経由(またはこのコンピューター)にのみ送信します。</translation>
    </message>
    <message>
        <source>This token has only the %1 scope: you can look at everything, but playing, retrying and canceling jobs will fail. Create a token with the api scope to act.</source>
        <translation>このトークンには%1スコープしかありません。閲覧はできますが、ジョブの実行、再試行、キャンセルは失敗します。操作するにはapiスコープのトークンを作成してください。</translation>
    </message>
    <message>
        <source>This token expires on %1.</source>
        <translation>このトークンの有効期限は%1です。</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified, so the token was not sent.</source>
        <translation>%1の証明書を検証できなかったため、トークンは送信されていません。</translation>
    </message>
    <message>
        <source>If your instance uses an internal certificate authority, you can trust its certificate for this account.</source>
        <translation>インスタンスが組織内の認証局を使用している場合は、このアカウントに限りその証明書を信頼できます。</translation>
    </message>
</context>
<context>
    <name>pipedeck::SignInController</name>
    <message>
        <source>Checking the token with GitLab…</source>
        <translation>GitLabでトークンを確認中…</translation>
    </message>
    <message>
        <source>Signed in as %1 (@%2).</source>
        <translation>%1(@%2)としてサインインしました。</translation>
    </message>
    <message>
        <source>Scopes: %1</source>
        <translation>スコープ: %1</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>有効期限: %1</translation>
    </message>
    <message>
        <source>Expires: never</source>
        <translation>有効期限: なし</translation>
    </message>
    <message>
        <source>Choose the CA certificate of your instance</source>
        <translation>インスタンスのCA証明書を選択</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>証明書(*.pem *.crt *.cer *.der);;すべてのファイル(*)</translation>
    </message>
    <message>
        <source>Also trusts the certificate %1 (SHA-256 %2).</source>
        <translation>証明書%1も信頼します(SHA-256 %2)。</translation>
    </message>
</context>
<context>
    <name>pipedeck::SignInDialog</name>
    <message>
        <source>Add GitLab account</source>
        <translation>GitLabアカウントを追加</translation>
    </message>
    <message>
        <source>Pipedeck signs in with a personal access token. The token is kept in your system keychain.</source>
        <translation>Pipedeckはパーソナルアクセストークンでサインインします。トークンはシステムのキーチェーンに保存されます。</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>パーソナルアクセストークン</translation>
    </message>
    <message>
        <source>GitLab instance:</source>
        <translation>GitLabインスタンス:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>アクセストークン:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Create a token with the api scope</source>
        <translation>apiスコープのトークンを作成</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <source>The server&apos;s certificate</source>
        <translation>サーバーの証明書</translation>
    </message>
    <message>
        <source>Trust this certificate…</source>
        <translation>この証明書を信頼…</translation>
    </message>
    <message>
        <source>Trust a CA file…</source>
        <translation>CAファイルを信頼…</translation>
    </message>
</context>
<context>
    <name>pipedeck::StoredSecretsDialog</name>
    <message>
        <source>Stored Secrets</source>
        <translation>保存済みのシークレット</translation>
    </message>
    <message>
        <source>What Pipedeck keeps in the OS keychain. The values never leave it; this list shows only what each one is for.</source>
        <translation>Pipedeck が OS のキーチェーンに保存しているもの。値はキーチェーンの外に出ません。この一覧には用途だけが表示されます。</translation>
    </message>
    <message>
        <source>Secrets Pipedeck keeps in the OS keychain</source>
        <translation>Pipedeck が OS のキーチェーンに保存しているシークレット</translation>
    </message>
    <message>
        <source>&amp;Forget…</source>
        <translation>保存を解除(&amp;F)…</translation>
    </message>
    <message>
        <source>Delete it from the OS keychain (GitLab keeps the token)</source>
        <translation>OS のキーチェーンから削除します(GitLab 上のトークンは残ります)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Pipedeck keeps nothing in the OS keychain.</source>
        <translation>Pipedeck は OS のキーチェーンに何も保存していません。</translation>
    </message>
    <message>
        <source>Forget Secret</source>
        <translation>シークレットの保存を解除</translation>
    </message>
    <message>
        <source>Delete this %1 of %2 on %3 from the OS keychain?</source>
        <translation>%3 の %2 のこの%1を OS のキーチェーンから削除しますか?</translation>
    </message>
    <message>
        <source>The account stays signed in until Pipedeck quits; at the next start it asks for a token again.</source>
        <translation>Pipedeck を終了するまではサインインしたままです。次回の起動時にトークンの入力を求められます。</translation>
    </message>
    <message>
        <source>GitLab keeps the token.</source>
        <translation>GitLab 上のトークンは残ります。</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>保存を解除(&amp;F)</translation>
    </message>
    <message>
        <source>Deleted from the OS keychain.</source>
        <translation>OS のキーチェーンから削除しました。</translation>
    </message>
</context>
<context>
    <name>pipedeck::StoredSecretsModel</name>
    <message>
        <source>Personal access token</source>
        <translation>パーソナルアクセストークン</translation>
    </message>
    <message>
        <source>Pipeline trigger token</source>
        <translation>パイプライントリガートークン</translation>
    </message>
    <message>
        <source>Masked variable value of a preset</source>
        <translation>プリセットのマスクされた変数の値</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Project %1 · trigger %2</source>
        <translation>プロジェクト %1 · トリガー %2</translation>
    </message>
    <message>
        <source>Project %1 · preset “%2” · %3</source>
        <translation>プロジェクト %1 · プリセット「%2」 · %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>保存日時</translation>
    </message>
</context>
<context>
    <name>pipedeck::TokenStore</name>
    <message>
        <source>The token is empty.</source>
        <translation>トークンが空です。</translation>
    </message>
    <message>
        <source>The token is too long: %1 bytes (at most %2).</source>
        <translation>トークンが長すぎます: %1バイト(最大%2バイト)。</translation>
    </message>
    <message>
        <source>The token contains line breaks or other control characters.</source>
        <translation>トークンに改行またはその他の制御文字が含まれています。</translation>
    </message>
    <message>
        <source>The keychain is locked, or the token was removed outside Pipedeck — retry.</source>
        <translation>キーチェーンがロックされているか、Pipedeckの外部でトークンが削除されました。再試行してください。</translation>
    </message>
    <message>
        <source>No token is stored for this account.</source>
        <translation>このアカウントのトークンは保存されていません。</translation>
    </message>
    <message>
        <source>The keychain is locked or unavailable — retry.</source>
        <translation>キーチェーンがロックされているか、利用できません。再試行してください。</translation>
    </message>
    <message>
        <source>Pipedeck was not allowed to use the keychain — allow access and retry.</source>
        <translation>Pipedeckはキーチェーンの使用を許可されていません。アクセスを許可して再試行してください。</translation>
    </message>
    <message>
        <source>The keychain did not answer in time — retry.</source>
        <translation>キーチェーンが時間内に応答しませんでした。再試行してください。</translation>
    </message>
    <message>
        <source>The token cannot be stored.</source>
        <translation>トークンを保存できません。</translation>
    </message>
    <message>
        <source>The keychain reported an error — retry.</source>
        <translation>キーチェーンでエラーが発生しました。再試行してください。</translation>
    </message>
    <message>
        <source>The account has no usable instance address or user name, so its token cannot be stored.</source>
        <translation>アカウントに有効なインスタンスアドレスまたはユーザー名がないため、トークンを保存できません。</translation>
    </message>
    <message>
        <source>Not saved — kept for this session only.</source>
        <translation>保存されていません。このセッションの間のみ保持します。</translation>
    </message>
</context>
<context>
    <name>pipedeck::TrayIcon</name>
    <message>
        <source>Pipedeck</source>
        <translation>Pipedeck</translation>
    </message>
    <message>
        <source>Watched Pipelines</source>
        <translation>ウォッチ中のパイプライン</translation>
    </message>
    <message>
        <source>Nothing watched</source>
        <translation>ウォッチ中のパイプラインはありません</translation>
    </message>
    <message>
        <source>Pause Notifications for 1 Hour</source>
        <translation>通知を1時間停止</translation>
    </message>
    <message>
        <source>Pause Notifications Until Tomorrow</source>
        <translation>通知を明日まで停止</translation>
    </message>
    <message>
        <source>Resume Notifications</source>
        <translation>通知を再開</translation>
    </message>
    <message>
        <source>Hide Window</source>
        <translation>ウィンドウを隠す</translation>
    </message>
    <message>
        <source>Quit Pipedeck</source>
        <translation>Pipedeckを終了</translation>
    </message>
    <message>
        <source>Notifications paused until %1</source>
        <translation>%1まで通知を停止中</translation>
    </message>
    <message>
        <source>Show Window</source>
        <translation>ウィンドウを表示</translation>
    </message>
    <message>
        <source>Pipeline #%1</source>
        <translation>パイプライン #%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>pipeline, status</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>pipedeck::TriggerPipelineDialog</name>
    <message>
        <source>Trigger Pipeline</source>
        <translation>パイプラインをトリガー</translation>
    </message>
    <message>
        <source>Trigger a pipeline of %1</source>
        <translation>%1 のパイプラインのトリガー</translation>
    </message>
    <message>
        <source>With a pipeline trigger token, on %1</source>
        <translation>%1 でパイプライントリガートークンを使用</translation>
    </message>
    <message>
        <source>Trigger token</source>
        <translation>トリガートークン</translation>
    </message>
    <message>
        <source>Trigger token for this run only</source>
        <translation>今回の実行だけに使うトリガートークン</translation>
    </message>
    <message>
        <source>Paste a trigger token: used for this run only, not kept</source>
        <translation>トリガートークンを貼り付け(今回だけ使用し、保存しません)</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>トークン(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Inputs (GitLab 17.11 and later)</source>
        <translation>入力(&amp;I)(GitLab 17.11以降)</translation>
    </message>
    <message>
        <source>Variables are sent as text: the trigger API takes a map of strings, so File variables are not offered here.</source>
        <translation>変数はテキストとして送信されます。トリガーAPIは文字列のマップしか受け付けないため、ここではファイル変数は使えません。</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <source>Ask GitLab again whether the pipeline was created; the request is not sent again</source>
        <translation>パイプラインが作成されたかをGitLabにもう一度確認します。リクエストは再送信しません</translation>
    </message>
    <message>
        <source>Restored the values you had not sent.</source>
        <translation>未送信の値を復元しました。</translation>
    </message>
    <message>
        <source>Asking GitLab…</source>
        <translation>GitLabに確認しています…</translation>
    </message>
    <message>
        <source>GitLab did not accept the trigger token (404): it is wrong, revoked or expired, or the project is another one.</source>
        <translation>GitLabはトリガートークンを受け付けませんでした(404)。トークンが間違っているか、取り消されたか期限切れか、別のプロジェクトのものです。</translation>
    </message>
    <message>
        <source>GitLab did not trigger the pipeline. %1</source>
        <translation>GitLabはパイプラインをトリガーしませんでした。%1</translation>
    </message>
    <message>
        <source>The reply was lost and GitLab shows no triggered pipeline on %1 yet. The request was not sent again. %2</source>
        <translation>応答が失われ、GitLabには %1 でトリガーされたパイプラインがまだありません。リクエストは再送信していません。%2</translation>
    </message>
    <message>
        <source>%1 (kept in the keychain)</source>
        <translation>%1(キーチェーンに保存済み)</translation>
    </message>
    <message>
        <source>Trigger #%1 (kept in the keychain)</source>
        <translation>トリガー #%1(キーチェーンに保存済み)</translation>
    </message>
    <message>
        <source>A token pasted for this run</source>
        <translation>今回の実行用に貼り付けたトークン</translation>
    </message>
    <message>
        <source>a pasted token</source>
        <translation>貼り付けたトークン</translation>
    </message>
    <message>
        <source>trigger #%1</source>
        <translation>トリガー #%1</translation>
    </message>
    <message>
        <source>a new pipeline on %1, triggered with %2</source>
        <translation>%2 でトリガーする %1 での新しいパイプライン</translation>
    </message>
    <message>
        <source>Paste the trigger token, or choose one kept in the keychain.</source>
        <translation>トリガートークンを貼り付けるか、キーチェーンに保存済みのものを選択してください。</translation>
    </message>
    <message>
        <source>Reading the token from the keychain…</source>
        <translation>キーチェーンからトークンを読み込んでいます…</translation>
    </message>
    <message>
        <source>Nothing was sent: check the token, the ref and the variables.</source>
        <translation>何も送信されていません。トークン、ref、変数を確認してください。</translation>
    </message>
    <message>
        <source>Triggering the pipeline…</source>
        <translation>パイプラインをトリガーしています…</translation>
    </message>
    <message>
        <source>Copy as</source>
        <translation>形式を選んでコピー</translation>
    </message>
    <message>
        <source>Copy this trigger as a command or CI job</source>
        <translation>このトリガーをコマンドまたはCIジョブとしてコピー</translation>
    </message>
    <message>
        <source>curl (token from $TRIGGER_TOKEN)</source>
        <translation>curl(トークンは$TRIGGER_TOKENから)</translation>
    </message>
    <message>
        <source>PowerShell Invoke-RestMethod</source>
        <translation>PowerShell Invoke-RestMethod</translation>
    </message>
    <message>
        <source>.gitlab-ci.yml job with trigger: (no token needed)</source>
        <translation>trigger:を使う.gitlab-ci.ymlのジョブ(トークン不要)</translation>
    </message>
    <message>
        <source>.gitlab-ci.yml job with curl and CI_JOB_TOKEN</source>
        <translation>curlとCI_JOB_TOKENを使う.gitlab-ci.ymlのジョブ</translation>
    </message>
    <message>
        <source>Webhook URL (puts the token in a URL)</source>
        <translation>Webhook URL(トークンがURLに含まれます)</translation>
    </message>
    <message>
        <source>curl with the Real Token…</source>
        <translation>実際のトークン入りのcurl…</translation>
    </message>
    <message>
        <source>Copied. %1</source>
        <translation>コピーしました。%1</translation>
    </message>
    <message>
        <source>Copied; set TRIGGER_TOKEN before running it.</source>
        <translation>コピーしました。実行する前にTRIGGER_TOKENを設定してください。</translation>
    </message>
    <message>
        <source>Copy with the Real Token</source>
        <translation>実際のトークン入りでコピー</translation>
    </message>
    <message>
        <source>Copied with the token; the clipboard is cleared in 30 seconds.</source>
        <translation>トークン入りでコピーしました。クリップボードは30秒後に消去されます。</translation>
    </message>
</context>
<context>
    <name>pipedeck::TriggerTokensDialog</name>
    <message>
        <source>Trigger Token Created</source>
        <translation>トリガートークンを作成しました</translation>
    </message>
    <message>
        <source>The token of “%1”. GitLab shows it in full only to you.</source>
        <translation>「%1」のトークンです。GitLabが全体を表示するのはあなただけです。</translation>
    </message>
    <message>
        <source>Trigger token</source>
        <translation>トリガートークン</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the token; the clipboard is cleared after 30 seconds if it still holds it</source>
        <translation>トークンをコピーします。30秒後もクリップボードに残っていれば消去します</translation>
    </message>
    <message>
        <source>Trigger Tokens — %1</source>
        <translation>トリガートークン — %1</translation>
    </message>
    <message>
        <source>Description of the new trigger token</source>
        <translation>新しいトリガートークンの説明</translation>
    </message>
    <message>
        <source>What the token is for, e.g. “nightly deploy from CI”</source>
        <translation>トークンの用途(例:「CIからの夜間デプロイ」)</translation>
    </message>
    <message>
        <source>&amp;Expires on</source>
        <translation>有効期限(&amp;E)</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>&amp;Create Token</source>
        <translation>トリガートークンを作成(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New token:</source>
        <translation>新しいトークン(&amp;N):</translation>
    </message>
    <message>
        <source>Trigger tokens of this project</source>
        <translation>このプロジェクトのトリガートークン</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>名前を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>Change the token&apos;s description</source>
        <translation>トークンの説明を変更します</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>取り消し(&amp;V)…</translation>
    </message>
    <message>
        <source>Delete the token on GitLab: what uses it stops working</source>
        <translation>GitLabでトークンを削除します。このトークンを使っているものは動作しなくなります</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>コピー(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>表示(&amp;S)</translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation>トークンを表示または非表示にします</translation>
    </message>
    <message>
        <source>&amp;Keep in Keychain</source>
        <translation>キーチェーンに保存(&amp;K)</translation>
    </message>
    <message>
        <source>Store this token of yours in the OS keychain, for triggering from here</source>
        <translation>自分のこのトークンをOSのキーチェーンに保存し、ここからトリガーできるようにします</translation>
    </message>
    <message>
        <source>&amp;Add Existing Token…</source>
        <translation>既存のトークンを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Paste a token you have: Pipedeck finds its trigger and keeps it in the OS keychain</source>
        <translation>手元のトークンを貼り付けると、Pipedeckが該当するトリガーを見つけてOSのキーチェーンに保存します</translation>
    </message>
    <message>
        <source>Remove the token from the OS keychain (GitLab keeps it)</source>
        <translation>OSのキーチェーンからトークンを削除します(GitLabには残ります)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>更新(&amp;F)</translation>
    </message>
    <message>
        <source>Read the trigger tokens from GitLab now</source>
        <translation>今すぐGitLabからトリガートークンを読み込みます</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Rename Trigger Token</source>
        <translation>トリガートークンの名前を変更</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>説明:</translation>
    </message>
    <message>
        <source>Add Existing Trigger Token</source>
        <translation>既存のトリガートークンを追加</translation>
    </message>
    <message>
        <source>Paste the token (it is matched against this project&apos;s trigger tokens):</source>
        <translation>トークンを貼り付けてください(このプロジェクトのトリガートークンと照合します):</translation>
    </message>
    <message>
        <source>Could not read the trigger tokens. %1</source>
        <translation>トリガートークンを読み込めませんでした。%1</translation>
    </message>
    <message>
        <source>Created the trigger token “%1”.</source>
        <translation>トリガートークン「%1」を作成しました。</translation>
    </message>
    <message>
        <source>It is kept in the OS keychain: Pipedeck can trigger pipelines with it.</source>
        <translation>OSのキーチェーンに保存されました。Pipedeckはこのトークンでパイプラインをトリガーできます。</translation>
    </message>
    <message>
        <source>The keychain did not keep it (%1). Copy it now: GitLab shows it to you only.</source>
        <translation>キーチェーンに保存できませんでした(%1)。今すぐコピーしてください。GitLabはあなたにしか表示しません。</translation>
    </message>
    <message>
        <source>Renamed to “%1”.</source>
        <translation>「%1」に名前を変更しました。</translation>
    </message>
    <message>
        <source>The trigger token was revoked.</source>
        <translation>トリガートークンを取り消しました。</translation>
    </message>
    <message>
        <source>GitLab lets only the token&apos;s owner change it.</source>
        <translation>トークンを変更できるのはその所有者だけです。</translation>
    </message>
    <message>
        <source>GitLab shows only the first 4 characters of others&apos; tokens.</source>
        <translation>GitLabは他のユーザーのトークンの先頭4文字しか表示しません。</translation>
    </message>
    <message>
        <source>Give the token a description first: it is how you will recognise it.</source>
        <translation>先にトークンの説明を入力してください。トークンを見分けるために使います。</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>作成しています…</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Revoke Trigger Token</source>
        <translation>トリガートークンの取り消し</translation>
    </message>
    <message>
        <source>Revoke the trigger token “%1” (%2…)? Pipelines triggered with it will no longer start. This cannot be undone.</source>
        <translation>トリガートークン「%1」(%2…)を取り消しますか?このトークンによるパイプラインは開始されなくなります。この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>Token copied; the clipboard is cleared in 30 seconds.</source>
        <translation>トークンをコピーしました。クリップボードは30秒後に消去されます。</translation>
    </message>
    <message>
        <source>“%1” is kept in the OS keychain.</source>
        <translation>「%1」をOSのキーチェーンに保存しました。</translation>
    </message>
    <message>
        <source>This token matches none of the project&apos;s trigger tokens (or several of them by its first 4 characters).</source>
        <translation>このトークンはプロジェクトのどのトリガートークンとも一致しません(または先頭4文字で複数と一致します)。</translation>
    </message>
    <message>
        <source>The token is kept in the OS keychain.</source>
        <translation>トークンをOSのキーチェーンに保存しました。</translation>
    </message>
    <message>
        <source>Pipedeck no longer keeps this token.</source>
        <translation>Pipedeckはこのトークンを保存しなくなりました。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <source>Forge&amp;t</source>
        <translation>保存を解除(&amp;T)</translation>
    </message>
    <message>
        <source>Forget the Revoked Token</source>
        <translation>取り消したトークンの保存を解除</translation>
    </message>
    <message>
        <source>Pipedeck still keeps the revoked token in the OS keychain, where it no longer opens anything. Forget it?</source>
        <translation>取り消したトークンがまだOSのキーチェーンに保存されていますが、もう何にも使えません。保存を解除しますか?</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>保存を解除</translation>
    </message>
    <message>
        <source>The trigger token was revoked and forgotten.</source>
        <translation>トリガートークンを取り消し、保存を解除しました。</translation>
    </message>
</context>
<context>
    <name>pipedeck::VariableItemDelegate</name>
    <message>
        <source>Variable</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Variable type</source>
        <translation>変数の種類</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
</context>
<context>
    <name>pipedeck::VariablesEditor</name>
    <message>
        <source>Variables</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Paste KEY=VALUE lines or GitLab&apos;s JSON array as rows</source>
        <translation>KEY=VALUEの行またはGitLabのJSON配列を行として貼り付けます</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected variable (Delete)</source>
        <translation>選択した変数を削除します (Delete)</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上へ移動</translation>
    </message>
    <message>
        <source>Move the selected variable up (Alt+Up)</source>
        <translation>選択した変数を上へ移動します (Alt+Up)</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下へ移動</translation>
    </message>
    <message>
        <source>Move the selected variable down (Alt+Down)</source>
        <translation>選択した変数を下へ移動します (Alt+Down)</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>機密</translation>
    </message>
    <message>
        <source>Hide the value and keep it out of drafts, history and exports (Ctrl+Shift+H)</source>
        <translation>値を隠し、下書き、履歴、エクスポートに含めません (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Show Value</source>
        <translation>値を表示</translation>
    </message>
    <message>
        <source>Show the sensitive value as typed (Ctrl+Shift+V)</source>
        <translation>機密の値を入力どおりに表示します (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>インポート…</translation>
    </message>
    <message>
        <source>Read variables from a JSON file in GitLab&apos;s format</source>
        <translation>GitLab形式のJSONファイルから変数を読み込みます</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Write the variables to a JSON file in GitLab&apos;s format, without sensitive values</source>
        <translation>変数をGitLab形式のJSONファイルに書き出します(機密の値は除く)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) must be fixed before sending.</source>
        <translation>
            <numerusform>送信する前に%n件の行を修正する必要があります。</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no variables: paste KEY=VALUE lines or GitLab&apos;s JSON array.</source>
        <translation>クリップボードに変数がありません。KEY=VALUEの行またはGitLabのJSON配列を貼り付けてください。</translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s) added</source>
        <translation>
            <numerusform>%n件の変数を追加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) replaced</source>
        <translation>
            <numerusform>%n件の値を置き換え</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped:</source>
        <translation>
            <numerusform>%n件をスキップ:</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a variables file.</source>
        <translation>%1 は変数ファイルとしては大きすぎます。</translation>
    </message>
    <message>
        <source>%1 is not a JSON array of variables in GitLab&apos;s format.</source>
        <translation>%1 はGitLab形式の変数のJSON配列ではありません。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1 にエクスポートしました。</translation>
    </message>
    <message numerus="yes">
        <source>%n sensitive variable(s) left out.</source>
        <translation>
            <numerusform>機密の変数%n件は除外しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Variables</source>
        <translation>変数のインポート</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSONファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export Variables</source>
        <translation>変数のエクスポート</translation>
    </message>
</context>
<context>
    <name>pipedeck::WelcomePage</name>
    <message>
        <source>Choose a project on the left to see its pipelines.</source>
        <translation>左側でプロジェクトを選択すると、パイプラインが表示されます。</translation>
    </message>
    <message>
        <source>Add Account for %1…</source>
        <translation>%1のアカウントを追加…</translation>
    </message>
</context>
<context>
    <name>pipedeck::history::RunHistory</name>
    <message>
        <source>The run history cannot be kept: Qt&apos;s SQLite driver is missing (install libqt6sql6-sqlite).</source>
        <translation>実行履歴を保存できません: QtのSQLiteドライバーがありません(libqt6sql6-sqliteをインストールしてください)。</translation>
    </message>
    <message>
        <source>The run history cannot be kept: the folder %1 cannot be created.</source>
        <translation>実行履歴を保存できません: フォルダー%1を作成できません。</translation>
    </message>
    <message>
        <source>The run history %1 cannot be opened.</source>
        <translation>実行履歴%1を開けません。</translation>
    </message>
    <message>
        <source>The run history was written by a newer Pipedeck; it is left as it is.</source>
        <translation>実行履歴は新しいバージョンのPipedeckで書き込まれています。変更せずにそのままにします。</translation>
    </message>
    <message>
        <source>The run history %1 cannot be updated to this version of Pipedeck.</source>
        <translation>実行履歴%1をこのバージョンのPipedeck用に更新できません。</translation>
    </message>
    <message>
        <source>The run history is not open.</source>
        <translation>実行履歴が開かれていません。</translation>
    </message>
    <message>
        <source>The run could not be written to the history.</source>
        <translation>実行を履歴に書き込めませんでした。</translation>
    </message>
    <message>
        <source>The result could not be written to the history.</source>
        <translation>結果を履歴に書き込めませんでした。</translation>
    </message>
    <message>
        <source>The run history could not be read.</source>
        <translation>実行履歴を読み込めませんでした。</translation>
    </message>
</context>
<context>
    <name>pipedeck::history::RunHistoryModel</name>
    <message>
        <source>Play job</source>
        <translation>ジョブを実行</translation>
    </message>
    <message>
        <source>Run pipeline</source>
        <translation>パイプラインを実行</translation>
    </message>
    <message>
        <source>Trigger pipeline</source>
        <translation>パイプラインをトリガー</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>Job #%1</source>
        <translation>ジョブ #%1</translation>
    </message>
    <message>
        <source>Pipeline #%1</source>
        <translation>パイプライン #%1</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始済み</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>拒否: %1</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>結果不明</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2の%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Job / ref</source>
        <translation>ジョブ / ref</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
</context>
<context>
    <name>pipedeck::log::ByteSource</name>
    <message>
        <source>This log cannot grow.</source>
        <translation>このログには追記できません。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1を開けません: %2</translation>
    </message>
    <message>
        <source>Cannot map %1: %2</source>
        <translation>%1をメモリにマップできません: %2</translation>
    </message>
    <message>
        <source>Cannot create the log cache %1: %2</source>
        <translation>ログキャッシュ%1を作成できません: %2</translation>
    </message>
    <message>
        <source>Cannot extend the log cache %1: %2</source>
        <translation>ログキャッシュ%1を拡張できません: %2</translation>
    </message>
    <message>
        <source>The log cache is closed.</source>
        <translation>ログキャッシュは閉じられています。</translation>
    </message>
</context>
<context>
    <name>pipedeck::log::LogSearch</name>
    <message>
        <source>Nothing to search for.</source>
        <translation>検索する文字列がありません。</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>無効な正規表現です: %1</translation>
    </message>
</context>
<context>
    <name>pipedeck::models::ProjectJobsModel</name>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ステージ</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>パイプライン</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>ref</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
</context>
<context>
    <name>pipedeck::presets::DraftStore</name>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>下書きを保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>pipedeck::presets::PresetStore</name>
    <message>
        <source>The keychain is locked — retry.</source>
        <translation>キーチェーンがロックされています。再試行してください。</translation>
    </message>
    <message>
        <source>The value is not in the keychain: enter it again.</source>
        <translation>値がキーチェーンにありません。もう一度入力してください。</translation>
    </message>
    <message>
        <source>The keychain is locked or unavailable — retry.</source>
        <translation>キーチェーンがロックされているか、利用できません。再試行してください。</translation>
    </message>
    <message>
        <source>Pipedeck was not allowed to use the keychain — allow access and retry.</source>
        <translation>Pipedeckはキーチェーンの使用を許可されていません。アクセスを許可して再試行してください。</translation>
    </message>
    <message>
        <source>The keychain did not answer in time — retry.</source>
        <translation>キーチェーンが時間内に応答しませんでした。再試行してください。</translation>
    </message>
    <message>
        <source>The value is too long for the keychain (at most %1 bytes).</source>
        <translation>値が長すぎるため、キーチェーンに保存できません(最大%1バイト)。</translation>
    </message>
    <message>
        <source>The keychain reported an error — retry.</source>
        <translation>キーチェーンがエラーを報告しました。再試行してください。</translation>
    </message>
    <message>
        <source>The value was not saved in the keychain: enter it again.</source>
        <translation>値はキーチェーンに保存されていません。もう一度入力してください。</translation>
    </message>
    <message>
        <source>The account has no usable instance address or user name, so its presets cannot be kept.</source>
        <translation>このアカウントには使用可能なインスタンスのアドレスまたはユーザー名がないため、プリセットを保存できません。</translation>
    </message>
    <message>
        <source>A preset needs a name.</source>
        <translation>プリセットには名前が必要です。</translation>
    </message>
    <message>
        <source>There is no preset named “%1”.</source>
        <translation>「%1」という名前のプリセットはありません。</translation>
    </message>
    <message>
        <source>A preset named “%1” already exists.</source>
        <translation>「%1」という名前のプリセットはすでに存在します。</translation>
    </message>
    <message>
        <source>The presets could not be saved: %1</source>
        <translation>プリセットを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The preset was saved without these sensitive values: %1.</source>
        <translation>次の機密の値を含めずにプリセットを保存しました: %1。</translation>
    </message>
    <message>
        <source>The file is not a Pipedeck presets export.</source>
        <translation>このファイルはPipedeckのプリセットのエクスポートではありません。</translation>
    </message>
    <message>
        <source>Presets imported: %1.</source>
        <translation>インポートしたプリセット: %1件。</translation>
    </message>
    <message>
        <source>Presets imported: %1. Sensitive values are never exported; enter these %2 again before sending.</source>
        <translation>インポートしたプリセット: %1件。機密の値はエクスポートされないため、送信前にこれら%2件をもう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>pipedeck::runs::PipelineInputsText</name>
    <message>
        <source>Line %1: write an input as name: value.</source>
        <translation>%1行目: 入力は「名前: 値」の形で書いてください。</translation>
    </message>
    <message>
        <source>Line %1: the input “%2” is given twice; the last one counts.</source>
        <translation>%1行目: 入力「%2」が2回指定されています。最後の指定が有効です。</translation>
    </message>
</context>
<context>
    <name>pipedeck::runs::ReviewSummary</name>
    <message>
        <source>Project: %1</source>
        <translation>プロジェクト: %1</translation>
    </message>
    <message>
        <source>GitLab: %1, signed in as %2</source>
        <translation>GitLab: %1、%2 としてサインイン中</translation>
    </message>
    <message>
        <source>Ref: %1</source>
        <translation>ref: %1</translation>
    </message>
    <message>
        <source>Ref: %1 at %2</source>
        <translation>ref: %1(%2)</translation>
    </message>
    <message>
        <source>Will run: %1</source>
        <translation>実行内容: %1</translation>
    </message>
    <message>
        <source>(sensitive, hidden)</source>
        <translation>(機密、非表示)</translation>
    </message>
    <message>
        <source>File variable %1 = %2</source>
        <translation>ファイル変数 %1 = %2</translation>
    </message>
    <message>
        <source>Variable %1 = %2</source>
        <translation>変数 %1 = %2</translation>
    </message>
    <message>
        <source>No variables.</source>
        <translation>変数なし。</translation>
    </message>
</context>
<context>
    <name>pipedeck::triggers::HeldTokensModel</name>
    <message>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>Kept; on GitLab</source>
        <translation>保存済み。GitLabにあります</translation>
    </message>
    <message>
        <source>Kept; on GitLab (%1)</source>
        <translation>保存済み。GitLabにあります(%1)</translation>
    </message>
    <message>
        <source>Kept, but no longer on GitLab: forget it</source>
        <translation>保存済みですが、GitLabにはもうありません。保存を解除してください</translation>
    </message>
    <message>
        <source>Yours on GitLab, not kept: keep it</source>
        <translation>GitLab上のあなたのトークン(未保存)。保存できます</translation>
    </message>
    <message>
        <source>Kept; could not check: %1</source>
        <translation>保存済み。確認できませんでした: %1</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>プロジェクト %1</translation>
    </message>
    <message>
        <source>Trigger #%1</source>
        <translation>トリガー #%1</translation>
    </message>
    <message>
        <source>this session only</source>
        <translation>このセッションのみ</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Trigger token</source>
        <translation>トリガートークン</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Kept since</source>
        <translation>保存日時</translation>
    </message>
</context>
<context>
    <name>pipedeck::triggers::TriggerManager</name>
    <message>
        <source>Only its owner can rename a trigger token.</source>
        <translation>トリガートークンの名前を変更できるのは、そのオーナーだけです。</translation>
    </message>
    <message>
        <source>GitLab did not answer whether the trigger token was created, and it is not in the project&apos;s list. It was not sent again: refresh the list before creating it again.</source>
        <translation>トリガートークンが作成されたかどうかについてGitLabから応答がなく、プロジェクトの一覧にも見つかりません。リクエストは再送信していません。もう一度作成する前に一覧を更新してください。</translation>
    </message>
    <message>
        <source>Not stored: Pipedeck has no keychain here.</source>
        <translation>保存されていません: この環境ではPipedeckはキーチェーンを使用できません。</translation>
    </message>
    <message>
        <source>GitLab did not answer whether the trigger token was renamed. Refresh the list to see its description.</source>
        <translation>トリガートークンの名前が変更されたかどうかについてGitLabから応答がありません。一覧を更新して説明を確認してください。</translation>
    </message>
    <message>
        <source>The trigger token was not revoked: GitLab still has it.</source>
        <translation>トリガートークンは取り消されていません。GitLabにまだ存在します。</translation>
    </message>
    <message>
        <source>GitLab did not answer whether the trigger token was revoked. Refresh the list to see whether it is still there.</source>
        <translation>トリガートークンが取り消されたかどうかについてGitLabから応答がありません。一覧を更新して、まだ存在するかを確認してください。</translation>
    </message>
</context>
<context>
    <name>pipedeck::triggers::TriggerPipelineController</name>
    <message>
        <source>GitLab did not accept the trigger token: it was revoked, has expired, or belongs to another project.</source>
        <translation>GitLabはこのトリガートークンを受け付けませんでした。トークンが取り消されたか、期限切れか、別のプロジェクトのものです。</translation>
    </message>
    <message>
        <source>GitLab refused to start a pipeline with this trigger token (403): its owner may no longer be allowed to run pipelines here.</source>
        <translation>GitLabはこのトリガートークンによるパイプラインの開始を拒否しました(403)。トークンのオーナーがこのプロジェクトでパイプラインを実行できなくなっている可能性があります。</translation>
    </message>
</context>
<context>
    <name>pipedeck::triggers::TriggerSnippets</name>
    <message>
        <source>This puts the trigger token itself into the text: whoever sees it can start pipelines. A webhook URL carries it in the URL, which servers and proxies log.</source>
        <translation>トリガートークンそのものがテキストに含まれます。それを見た人は誰でもパイプラインを開始できます。Webhook URLではトークンがURLに含まれ、サーバーやプロキシのログに残ります。</translation>
    </message>
</context>
<context>
    <name>pipedeck::triggers::TriggersModel</name>
    <message>
        <source>No owner</source>
        <translation>オーナーなし</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>無期限</translation>
    </message>
    <message>
        <source>GitLab shows the full token only to its owner.</source>
        <translation>GitLabはトークン全体をそのオーナーにのみ表示します。</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>オーナー</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最終使用日</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>pipedeck::variables::PasteParser</name>
    <message>
        <source>Line %1 has export without a variable.</source>
        <translation>%1行目のexportの後に変数がありません。</translation>
    </message>
    <message>
        <source>Line %1 is not KEY=VALUE or KEY: value.</source>
        <translation>%1行目はKEY=VALUEまたはKEY: valueの形式ではありません。</translation>
    </message>
    <message>
        <source>Line %1 has no key before the separator.</source>
        <translation>%1行目の区切り文字の前にキーがありません。</translation>
    </message>
    <message>
        <source>The key on line %1 contains spaces or quotes.</source>
        <translation>%1行目のキーに空白または引用符が含まれています。</translation>
    </message>
    <message>
        <source>The quote opened on line %1 is not closed.</source>
        <translation>%1行目で開いた引用符が閉じられていません。</translation>
    </message>
    <message>
        <source>Line %1 has text after the closing quote.</source>
        <translation>%1行目の閉じ引用符の後にテキストがあります。</translation>
    </message>
</context>
<context>
    <name>pipedeck::variables::VariableRules</name>
    <message>
        <source>This value has no key.</source>
        <translation>この値にはキーがありません。</translation>
    </message>
    <message>
        <source>Keys may contain only letters, digits and _.</source>
        <translation>キーには英字、数字、_のみを使用できます。</translation>
    </message>
    <message>
        <source>Keys may be at most 255 characters long.</source>
        <translation>キーは255文字以内にしてください。</translation>
    </message>
    <message>
        <source>Another variable has the same key.</source>
        <translation>同じキーの変数が他にもあります。</translation>
    </message>
    <message>
        <source>File variables cannot be sent here.</source>
        <translation>ここではファイル変数を送信できません。</translation>
    </message>
    <message>
        <source>The value starts or ends with whitespace.</source>
        <translation>値の先頭または末尾に空白があります。</translation>
    </message>
</context>
<context>
    <name>pipedeck::variables::VariablesJson</name>
    <message>
        <source>Not valid JSON: %1 (at character %2).</source>
        <translation>有効なJSONではありません: %1(%2文字目)。</translation>
    </message>
    <message>
        <source>Expected a JSON array of variables.</source>
        <translation>変数のJSON配列が必要です。</translation>
    </message>
    <message>
        <source>Entry %1 is not an object.</source>
        <translation>%1番目のエントリはオブジェクトではありません。</translation>
    </message>
    <message>
        <source>Entry %1 has no key.</source>
        <translation>%1番目のエントリにキーがありません。</translation>
    </message>
    <message>
        <source>The value of entry %1 is not text.</source>
        <translation>%1番目のエントリの値がテキストではありません。</translation>
    </message>
    <message>
        <source>Entry %1 has an unknown variable_type &quot;%2&quot;.</source>
        <translation>%1番目のエントリのvariable_type「%2」は不明です。</translation>
    </message>
</context>
<context>
    <name>pipedeck::variables::VariablesModel</name>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
</context>
<context>
    <name>pipedeck::watch::NotificationCenter</name>
    <message>
        <source>Open Pipeline</source>
        <translation>パイプラインを開く</translation>
    </message>
    <message>
        <source>Retry Failed Jobs</source>
        <translation>失敗したジョブを再試行</translation>
    </message>
    <message>
        <source>Pipeline %1 failed</source>
        <translation>パイプライン %1 が失敗しました</translation>
    </message>
    <message>
        <source>Open Log</source>
        <translation>ジョブログを開く</translation>
    </message>
    <message>
        <source>Pipeline %1 passed</source>
        <translation>パイプライン %1 が成功しました</translation>
    </message>
    <message>
        <source>Pipeline %1 was canceled</source>
        <translation>パイプライン %1 はキャンセルされました</translation>
    </message>
    <message>
        <source>Pipeline %1 is waiting for a manual job</source>
        <translation>パイプライン %1 は手動ジョブを待っています</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>ジョブを実行</translation>
    </message>
    <message numerus="yes">
        <source>Pipeline %1 has been running for %n min</source>
        <translation>
            <numerusform>パイプライン %1 は%n分間実行中です</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pipelines failed</source>
        <translation>
            <numerusform>%n件のパイプラインが失敗しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n watched pipelines changed</source>
        <translation>
            <numerusform>ウォッチ中の%n件のパイプラインが変化しました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>ほか%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Watched Pipelines</source>
        <translation>ウォッチ中のパイプラインを表示</translation>
    </message>
    <message>
        <source>Pipeline %1: nothing to play</source>
        <translation>パイプライン %1: 実行する手動ジョブはありません</translation>
    </message>
    <message>
        <source>No manual job is waiting any more.</source>
        <translation>待機中の手動ジョブはもうありません。</translation>
    </message>
    <message>
        <source>Pipeline %1: failed jobs retried</source>
        <translation>パイプライン %1: 失敗したジョブを再試行しました</translation>
    </message>
    <message>
        <source>Pipeline %1: manual job started</source>
        <translation>パイプライン %1: 手動ジョブを開始しました</translation>
    </message>
    <message>
        <source>GitLab is running the failed jobs again.</source>
        <translation>GitLabが失敗したジョブを再実行しています。</translation>
    </message>
    <message>
        <source>GitLab started the manual job.</source>
        <translation>GitLabが手動ジョブを開始しました。</translation>
    </message>
    <message>
        <source>Pipeline %1: retry failed</source>
        <translation>パイプライン %1: 再試行に失敗しました</translation>
    </message>
    <message>
        <source>Pipeline %1: the manual job did not start</source>
        <translation>パイプライン %1: 手動ジョブを開始できませんでした</translation>
    </message>
    <message>
        <source>The reply was lost and GitLab could not be asked what happened. It was not sent again.</source>
        <translation>応答が失われ、GitLabに結果を確認できませんでした。再送信はしていません。</translation>
    </message>
</context>
<context>
    <name>pipedeck::watch::WatchOverview</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>失敗 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>実行中 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for a manual job</source>
        <translation>
            <numerusform>手動アクション待ち %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finished</source>
        <translation>
            <numerusform>完了 %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing watched</source>
        <translation>ウォッチ中のパイプラインはありません</translation>
    </message>
    <message>
        <source>Watched pipelines: %1</source>
        <translation>ウォッチ中のパイプライン: %1</translation>
    </message>
</context>
<context>
    <name>pipedeck::watch::WatchStore</name>
    <message>
        <source>The watch settings in %1 could not be read; the defaults are used. The file is kept as %2.</source>
        <translation>%1 のウォッチ設定を読み込めなかったため、既定値を使用します。ファイルは %2 として保存してあります。</translation>
    </message>
    <message>
        <source>The watch settings could not be saved: %1 could not be renamed to keep it.</source>
        <translation>ウォッチ設定を保存できませんでした: %1 の名前を変更して残すことができませんでした。</translation>
    </message>
    <message>
        <source>The watch settings could not be saved to %1: %2</source>
        <translation>ウォッチ設定を %1 に保存できませんでした: %2</translation>
    </message>
</context>
</TS>
