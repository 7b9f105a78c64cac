<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
</context>
</TS>
