#pragma once

#include <QDialog>

namespace pipedeck {

//! *Help → About Pipedeck*: the version, the versions of Qt and QtKeychain it runs with, its
//! licence (MIT) and the third-party notices (Qt under LGPL-3, QtKeychain under BSD-3-Clause),
//! the same texts the packages ship.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    //! "Pipedeck 0.1.0 · Qt 6.4.2 (built with 6.4.2) · QtKeychain 0.13.2"
    static QString versionsText();
    //! LICENSE and THIRD_PARTY_NOTICES.txt, as shipped.
    static QString licenceText();
    static QString noticesText();
};

} // namespace pipedeck
