// Renders the application icon from its SVG into the raster sizes the desktops want, at build
// time, with Qt's own SVG renderer (no image tool to install on any platform):
//   pipedeck-render-icons SVG OUTDIR NAME [--ico FILE] [--iconset DIR]
// writes OUTDIR/hicolor/<N>x<N>/apps/NAME.png for N in 16..512, a Windows .ico (16..256) when
// asked, and a macOS .iconset folder (for iconutil) when asked.
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

QImage render(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    return image;
}

bool save(const QImage &image, const QString &path, const char *format = "png")
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QImageWriter writer(path, format);
    if (writer.write(image))
        return true;
    std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path),
                 qPrintable(writer.errorString()));
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    // A GUI application for the image plugins, on no display at all.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.size() < 3) {
        std::fputs("usage: pipedeck-render-icons SVG OUTDIR NAME [--ico FILE] [--iconset DIR]\n",
                   stderr);
        return 2;
    }
    QSvgRenderer svg(args.at(0));
    if (!svg.isValid()) {
        std::fprintf(stderr, "not an SVG: %s\n", qPrintable(args.at(0)));
        return 1;
    }
    const QString outDir = args.at(1);
    const QString name = args.at(2);
    QString ico;
    QString iconset;
    for (qsizetype i = 3; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--ico"))
            ico = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--iconset"))
            iconset = args.at(i + 1);
    }
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512}) {
        const QString path =
            QStringLiteral("%1/hicolor/%2x%2/apps/%3.png").arg(outDir).arg(size).arg(name);
        if (!save(render(svg, size), path))
            return 1;
    }
    // Qt's ico writer takes one image per file; the 256 px one is what Windows scales from.
    if (!ico.isEmpty() && !save(render(svg, 256), ico, "ico"))
        return 1;
    if (!iconset.isEmpty()) {
        for (int size : {16, 32, 128, 256, 512}) {
            if (!save(render(svg, size),
                      QStringLiteral("%1/icon_%2x%2.png").arg(iconset).arg(size)) ||
                !save(render(svg, 2 * size),
                      QStringLiteral("%1/icon_%2x%2@2x.png").arg(iconset).arg(size)))
                return 1;
        }
    }
    return 0;
}
