#include "HttpDate.h"

#include <QRegularExpression>
#include <QStringList>

namespace {

int monthNumber(const QString &name) {
    static const QStringList months{QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"),
                                    QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"),
                                    QStringLiteral("Jul"), QStringLiteral("Aug"), QStringLiteral("Sep"),
                                    QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")};
    return int(months.indexOf(name)) + 1; // 0 when unknown
}

QDateTime utc(int year, const QString &month, int day, int hour, int minute, int second) {
    const QDate date(year, monthNumber(month), day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime HttpDate::parse(const QByteArray &text) {
    const QString value = QString::fromLatin1(text.trimmed());
    // Day names are checked for shape only: a wrong one does not change the moment meant.
    static const QRegularExpression imfFixdate(
        QStringLiteral("^[A-Z][a-z]{2}, (\\d{2}) ([A-Z][a-z]{2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    static const QRegularExpression rfc850(
        QStringLiteral("^[A-Z][a-z]{5,8}, (\\d{2})-([A-Z][a-z]{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    static const QRegularExpression asctime(
        QStringLiteral("^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$"));

    QRegularExpressionMatch match = imfFixdate.match(value);
    if (match.hasMatch())
        return utc(match.captured(3).toInt(), match.captured(2), match.captured(1).toInt(), match.captured(4).toInt(),
                   match.captured(5).toInt(), match.captured(6).toInt());
    match = rfc850.match(value);
    if (match.hasMatch()) {
        // A two-digit year more than 50 years ahead is in the past century (RFC 9110).
        const int twoDigits = match.captured(3).toInt();
        const int thisYear = QDate::currentDate().year();
        int year = thisYear / 100 * 100 + twoDigits;
        if (year > thisYear + 50)
            year -= 100;
        return utc(year, match.captured(2), match.captured(1).toInt(), match.captured(4).toInt(),
                   match.captured(5).toInt(), match.captured(6).toInt());
    }
    match = asctime.match(value);
    if (match.hasMatch())
        return utc(match.captured(6).toInt(), match.captured(1), match.captured(2).trimmed().toInt(),
                   match.captured(3).toInt(), match.captured(4).toInt(), match.captured(5).toInt());
    return {};
}
