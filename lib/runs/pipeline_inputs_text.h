#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace pipedeck::runs {

//! The Run pipeline dialog's inputs box: one `name: value` (or `name=value`) per line. A value
//! that reads as JSON keeps its type (42, 1.5, true, false, ["a","b"], "quoted"); anything else
//! is a string as written. Blank and # lines are skipped.
struct PipelineInputsText
{
    Q_DECLARE_TR_FUNCTIONS(pipedeck::runs::PipelineInputsText)
public:
    QJsonObject inputs;
    QStringList problems; //!< translated, "Line 2: ..."

    static PipelineInputsText parse(const QString &text);
    //! The inverse, for a draft or a prefill: one line per input, values as JSON except plain
    //! strings.
    static QString format(const QJsonObject &inputs);
};

} // namespace pipedeck::runs
