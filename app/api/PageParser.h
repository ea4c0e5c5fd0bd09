#pragma once

#include "ApiError.h"
#include "ProviderDialect.h"

#include <QJsonArray>
#include <QList>
#include <QThreadPool>

#include <functional>
#include <optional>

class QObject;

// Reads the endpoints of list pages in a thread of its own, so that while one page is mapped to
// endpoints the calling thread already parses the next page's JSON (or paints the table). Results
// come back in the calling thread's event loop in the order the pages were given, and so do the
// steps queued behind them with then(): a walk's end never overtakes its last page.
class PageParser final {
public:
    using Parsed = std::function<void(std::optional<QList<Endpoint>> endpoints, const ApiError &error)>;

    PageParser();
    ~PageParser(); // waits for the page being read; results not yet delivered are dropped with receiver
    PageParser(const PageParser &) = delete;
    PageParser &operator=(const PageParser &) = delete;

    // dialect and receiver must outlive this parser; parsed runs in receiver's thread.
    void parse(const ProviderDialect &dialect, const QJsonArray &items, ProviderDialect::Raw raw, QObject *receiver,
               Parsed parsed);
    // Hands back endpoints read already (by ListPageScanner), in order with the pages given before.
    void pass(QList<Endpoint> endpoints, QObject *receiver, Parsed parsed);
    // Runs step in receiver's thread once every page given before it was handed back.
    void then(QObject *receiver, std::function<void()> step);

private:
    QThreadPool m_thread; // one thread: its queue keeps the pages in order
};
