#pragma once

#include <QString>

namespace pipedeck {

// What the positional argument of `pipedeck [URL|FILE]` names.
struct LaunchTarget
{
    enum class Kind {
        None,        // no argument
        File,        // a job log file to open in the log viewer (it may turn out unreadable)
        WebUrl,      // a GitLab project, pipeline or job address
        ProjectPath, // "group/project[/-/pipelines/ID|/-/jobs/ID]" on the default account
    };
    Kind kind = Kind::None;
    QString text; // the file path, the address or the project path
};

// An existing file wins over everything (a file may be called "group/app"); then web
// addresses; then what reads as a project path; anything else is a file that the log viewer
// will report as missing.
LaunchTarget classifyLaunchTarget(const QString &argument);

} // namespace pipedeck
