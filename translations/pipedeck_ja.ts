<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>pipedeck::Application</name>
    <message>
        <source>Desktop client for GitLab CI/CD</source>
        <translation>GitLab CI/CD のデスクトップクライアント</translation>
    </message>
    <message>
        <source>Start the built-in GitLab simulator and sign in to it.</source>
        <translation>内蔵の GitLab シミュレーターを起動してサインインします。</translation>
    </message>
    <message>
        <source>User interface language (for example ja).</source>
        <translation>ユーザーインターフェースの言語（例: ja）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>A GitLab project, pipeline or job URL, or a job log file.</source>
        <translation>GitLab のプロジェクト、パイプライン、ジョブの URL、またはジョブログファイル。</translation>
    </message>
</context>
</TS>
