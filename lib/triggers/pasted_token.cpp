#include "triggers/pasted_token.h"

namespace pipedeck::triggers {

namespace {

constexpr qsizetype kShownCharacters = 4;

bool looksLikeToken(const QString &token)
{
    if (token.size() <= kShownCharacters)
        return false;
    for (const QChar c : token) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace

std::optional<qint64> matchPastedToken(const QList<gitlab::Trigger> &triggers,
                                       const QString &pasted)
{
    const QString token = pasted.trimmed();
    if (!looksLikeToken(token))
        return std::nullopt;
    for (const gitlab::Trigger &trigger : triggers) {
        if (!trigger.tokenIsShortened() && trigger.token == token)
            return trigger.id;
    }
    std::optional<qint64> match;
    for (const gitlab::Trigger &trigger : triggers) {
        // An empty token (a GitLab that sent none) would be a prefix of everything.
        if (!trigger.tokenIsShortened() || trigger.token.isEmpty() ||
            !token.startsWith(trigger.token))
            continue;
        if (match)
            return std::nullopt; // two candidates: the user has to say which
        match = trigger.id;
    }
    return match;
}

} // namespace pipedeck::triggers
