#include "PageParser.h"

#include <QMetaObject>
#include <QObject>

PageParser::PageParser() {
    m_thread.setMaxThreadCount(1);
}

PageParser::~PageParser() {
    m_thread.clear();
    m_thread.waitForDone();
}

void PageParser::parse(const ProviderDialect &dialect, const QJsonArray &items, ProviderDialect::Raw raw,
                       QObject *receiver, Parsed parsed) {
    m_thread.start([&dialect, items, raw, receiver, parsed = std::move(parsed)] {
        ApiError error;
        std::optional<QList<Endpoint>> endpoints = dialect.parseListItems(items, raw, &error);
        QMetaObject::invokeMethod(
            receiver, [parsed, endpoints = std::move(endpoints), error] { parsed(endpoints, error); },
            Qt::QueuedConnection);
    });
}

void PageParser::pass(QList<Endpoint> endpoints, QObject *receiver, Parsed parsed) {
    m_thread.start([endpoints = std::move(endpoints), receiver, parsed = std::move(parsed)] {
        QMetaObject::invokeMethod(
            receiver, [parsed, endpoints] { parsed(endpoints, ApiError()); }, Qt::QueuedConnection);
    });
}

void PageParser::then(QObject *receiver, std::function<void()> step) {
    m_thread.start(
        [receiver, step = std::move(step)] { QMetaObject::invokeMethod(receiver, step, Qt::QueuedConnection); });
}
