#pragma once

#include "gitlab/types/trigger.h"

#include <QList>
#include <QString>
#include <optional>

namespace pipedeck::triggers {

//! Which of the project's triggers a token the user pasted is, or nothing.
//!
//! GitLab shows a token in full only to its owner; others see its first 4 characters. So:
//! - a trigger whose full token is visible matches only when it equals the pasted text;
//! - a shortened trigger matches by prefix, and only when it is the one shortened trigger
//!   with that prefix and no full token equals the pasted text. Every `glptt-` token starts
//!   with "glpt", so with two shortened tokens of others there is no telling which one it is,
//!   and nothing is guessed.
//! Surrounding whitespace is trimmed; a text with whitespace or control characters inside, or
//! no longer than the 4 characters GitLab shows, is no token.
std::optional<qint64> matchPastedToken(const QList<gitlab::Trigger> &triggers,
                                       const QString &pasted);

} // namespace pipedeck::triggers
