// Writes wagate(1) to the file named by its argument; run by the build, not installed.
#include "manpage.h"

#include <QFile>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    QFile out(QString::fromLocal8Bit(argv[1]));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 1;
    out.write(wagate::manPage(QStringLiteral(WAGATE_VERSION)).toUtf8());
    return out.flush() ? 0 : 1;
}
