#include "runs/pipeline_target_fields.h"

#include "runs/pipeline_inputs_text.h"
#include "runs/ref_picker.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace pipedeck {

namespace {

const QString kInputsKey = QStringLiteral("inputs_text");

} // namespace

PipelineTargetFields::PipelineTargetFields(gitlab::Connection *connection,
                                           const gitlab::ProjectRef &project,
                                           const QString &defaultBranch, const QString &inputsLabel,
                                           QWidget *parent)
    : QWidget(parent)
{
    m_refs = new RefPicker(connection, project, defaultBranch);
    auto *refLabel = new QLabel(tr("Run for &branch or tag"));
    refLabel->setBuddy(m_refs->searchField());
    m_inputs = new QPlainTextEdit;
    m_inputs->setObjectName(QStringLiteral("pipelineInputs"));
    m_inputs->setAccessibleName(tr("Pipeline inputs"));
    m_inputs->setTabChangesFocus(true);
    m_inputs->setPlaceholderText(
        tr("One per line, name: value. Numbers, true/false and [\"arrays\"] keep their type."));
    m_inputs->setMaximumHeight(m_inputs->fontMetrics().lineSpacing() * 4 + 12);
    auto *label = new QLabel(inputsLabel);
    label->setBuddy(m_inputs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(refLabel);
    layout->addWidget(m_refs);
    layout->addWidget(label);
    layout->addWidget(m_inputs);
    connect(m_refs, &RefPicker::refChanged, this, &PipelineTargetFields::edited);
    connect(m_inputs, &QPlainTextEdit::textChanged, this, &PipelineTargetFields::edited);
}

QString PipelineTargetFields::ref() const
{
    return m_refs->ref();
}

QJsonObject PipelineTargetFields::inputs() const
{
    return runs::PipelineInputsText::parse(m_inputs->toPlainText()).inputs;
}

bool PipelineTargetFields::hasInputs() const
{
    return !m_inputs->toPlainText().trimmed().isEmpty();
}

QString PipelineTargetFields::problem() const
{
    if (ref().isEmpty())
        return tr("Choose the branch or tag to run the pipeline for.");
    const runs::PipelineInputsText parsed =
        runs::PipelineInputsText::parse(m_inputs->toPlainText());
    return parsed.problems.join(u'\n');
}

void PipelineTargetFields::writeTo(presets::Draft &draft) const
{
    draft.ref = ref();
    draft.extra.insert(kInputsKey, m_inputs->toPlainText());
}

void PipelineTargetFields::restore(const presets::Draft &draft)
{
    if (!draft.ref.isEmpty())
        m_refs->setRef(draft.ref);
    m_inputs->setPlainText(draft.extra.value(kInputsKey).toString());
}

} // namespace pipedeck
