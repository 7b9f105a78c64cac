<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ActionRules</name>
    <message>
        <source>This account&apos;s access token can only read (read_api scope). Sign in with a token that has the api scope to run actions.</source>
        <translation>このアカウントのアクセストークンは読み取り専用(read_apiスコープ)です。操作するにはapiスコープのトークンでサインインしてください。</translation>
    </message>
    <message>
        <source>GitLab&apos;s API cannot start a trigger job. Open it in the browser to run it.</source>
        <translation>GitLabのAPIではトリガージョブを開始できません。ブラウザで開いて実行してください。</translation>
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
        <source>GitLab&apos;s API cannot retry a trigger job. Open it in the browser to run it again.</source>
        <translation>GitLabのAPIではトリガージョブを再試行できません。ブラウザで開いて再実行してください。</translation>
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
        <source>GitLab&apos;s rate limit was reached. Requests are paused until %1.</source>
        <translation>GitLabのレート制限に達しました。%1までリクエストを停止します。</translation>
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
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n時間前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n日前</numerusform>
        </translation>
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
        <source>Choose a project on the left to see its pipelines.</source>
        <translation>左側でプロジェクトを選択すると、パイプラインが表示されます。</translation>
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
    <name>pipedeck::ProjectItemDelegate</name>
    <message>
        <source>just now</source>
        <translation>たった今</translation>
    </message>
    <message>
        <source>a minute ago</source>
        <translation>1分前</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>%1分前</translation>
    </message>
    <message>
        <source>an hour ago</source>
        <translation>1時間前</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>%1時間前</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1日前</translation>
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
    <name>pipedeck::SignInCheck</name>
    <message>
        <source>Enter a personal access token.</source>
        <translation>パーソナルアクセストークンを入力してください。</translation>
    </message>
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
        <source>The certificate of %1 could not be verified, so the token was not sent. If your instance uses an internal certificate authority, add it to the system&apos;s trusted certificates.</source>
        <translation>%1の証明書を検証できなかったため、トークンは送信されませんでした。インスタンスが社内の認証局を使用している場合は、システムの信頼済み証明書に追加してください。</translation>
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
    <name>pipedeck::log::ByteSource</name>
    <message>
        <source>This log cannot grow.</source>
        <translation>このログには追記できません。</translation>
    </message>
</context>
<context>
    <name>pipedeck::log::GrowingCacheFile</name>
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
    <name>pipedeck::log::MappedFile</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1を開けません: %2</translation>
    </message>
    <message>
        <source>Cannot map %1: %2</source>
        <translation>%1をメモリにマップできません: %2</translation>
    </message>
</context>
</TS>
