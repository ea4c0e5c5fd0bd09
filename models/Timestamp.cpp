#include "Timestamp.h"

#include <string_view>

namespace {

// Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian calendar).
qint64 daysFromCivil(int year, int month, int day) {
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

void civilFromDays(qint64 days, int &year, int &month, int &day) {
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 shiftedMonth = (5 * dayOfYear + 2) / 153;
    day = int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    month = int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    year = int(yearOfEra + era * 400 + (month <= 2));
}

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// The number in text[at, at + digits), or -1 when one of them is not a digit.
template <typename Text> int digitsAt(Text text, qsizetype at, int digits) {
    int value = 0;
    for (int i = 0; i < digits; ++i) {
        const auto c = text[at + i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

// Writes value as `digits` decimal digits at `at`; returns the position after them.
char *putDigits(char *at, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10)
        at[i] = char('0' + value % 10);
    return at + digits;
}

// Text: std::u16string_view or std::string_view (Latin-1).
template <typename Text> std::optional<qint64> parseCommonForm(Text text) {
    const auto size = qsizetype(text.size());
    // 2026-01-15T10:00:00 = 19 characters, then optional .fff, then Z or ±HH:MM, nothing else.
    if (size < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    qsizetype at = 19;
    int millis = 0;
    if (text[at] == '.') {
        if (size < at + 5 || (millis = digitsAt(text, at + 1, 3)) < 0)
            return std::nullopt;
        at += 4;
    }
    int offsetMinutes = 0;
    if (text[at] == 'Z' && size == at + 1) {
        // UTC
    } else if ((text[at] == '+' || text[at] == '-') && size == at + 6 && text[at + 3] == ':') {
        const int offsetHours = digitsAt(text, at + 1, 2);
        const int offsetMins = digitsAt(text, at + 4, 2);
        if (offsetHours < 0 || offsetHours > 14 || offsetMins < 0 || offsetMins > 59)
            return std::nullopt;
        offsetMinutes = (offsetHours * 60 + offsetMins) * (text[at] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const qint64 seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    return (seconds - qint64(offsetMinutes) * 60) * 1000 + millis;
}

} // namespace

std::optional<qint64> Timestamp::parseCommon(QStringView text) {
    return parseCommonForm(std::u16string_view(text.utf16(), size_t(text.size())));
}

std::optional<qint64> Timestamp::parseCommon(QLatin1StringView text) {
    return parseCommonForm(std::string_view(text.data(), size_t(text.size())));
}

bool Timestamp::appendIsoUtc(QByteArray &out, qint64 msecsSinceEpoch) {
    qint64 days = msecsSinceEpoch / 86400000;
    qint64 millisOfDay = msecsSinceEpoch % 86400000;
    if (millisOfDay < 0) {
        millisOfDay += 86400000;
        --days;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, year, month, day);
    if (year < 1000 || year > 9999)
        return false;
    const int secondsOfDay = int(millisOfDay / 1000);
    // One append of the whole text: a list writes four of these for every endpoint.
    char text[24]; // 2026-01-15T10:00:00.000Z
    char *at = putDigits(text, year, 4);
    *at++ = '-';
    at = putDigits(at, month, 2);
    *at++ = '-';
    at = putDigits(at, day, 2);
    *at++ = 'T';
    at = putDigits(at, secondsOfDay / 3600, 2);
    *at++ = ':';
    at = putDigits(at, secondsOfDay / 60 % 60, 2);
    *at++ = ':';
    at = putDigits(at, secondsOfDay % 60, 2);
    *at++ = '.';
    at = putDigits(at, int(millisOfDay % 1000), 3);
    *at++ = 'Z';
    out.append(text, at - text);
    return true;
}
