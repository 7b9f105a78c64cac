#pragma once

#include "gitlab/types/ci_status.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

class QColor;
class QPalette;

namespace pipedeck {

//! How a CI status looks everywhere in Pipedeck: the SVG icon (readable on light and dark
//! backgrounds: a filled disc with a white glyph), a translated label and a text colour that
//! keeps enough contrast against the palette's base colour.
class StatusStyle
{
    Q_DECLARE_TR_FUNCTIONS(StatusStyle)
public:
    //! A failed job that was allowed to fail shows GitLab's warning sign, not a red cross.
    static QIcon icon(gitlab::CiStatus status, bool allowFailure = false);
    //! The resource name, e.g. ":/icons/status/failed.svg".
    static QString iconPath(gitlab::CiStatus status, bool allowFailure = false);
    //! "Passed", "Failed", "Failed (allowed)", ... For an unknown status: GitLab's own text.
    static QString label(gitlab::CiStatus status, bool allowFailure = false,
                         const QString &gitlabName = {});
    //! A text colour for the status that reads well on `palette`'s base colour.
    static QColor textColor(gitlab::CiStatus status, const QPalette &palette,
                            bool allowFailure = false);
    //! True when the palette's window is dark (a dark theme).
    static bool isDark(const QPalette &palette);
};

} // namespace pipedeck
