#include "DeliveriesDock.h"

#include "DeliveriesView.h"

#include <QMainWindow>
#include <QSettings>

DeliveriesDock::DeliveriesDock(DeliveriesView *view, QMainWindow *window)
    : QDockWidget(tr("Deliveries"), window)
    , m_view(view)
    , m_window(window) {
    setObjectName(QStringLiteral("deliveriesDock"));
    setWidget(view);
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
}

void DeliveriesDock::restoreSettings(const QSettings &settings) {
    m_sized = settings.value(QStringLiteral("deliveries/sized"), false).toBool();
    m_view->restoreLayout(settings.value(QStringLiteral("deliveries/splitter")).toByteArray(),
                          settings.value(QStringLiteral("deliveries/tableHeader")).toByteArray());
}

void DeliveriesDock::saveSettings(QSettings &settings) const {
    settings.setValue(QStringLiteral("deliveries/sized"), m_sized);
    settings.setValue(QStringLiteral("deliveries/splitter"), m_view->splitterState());
    settings.setValue(QStringLiteral("deliveries/tableHeader"), m_view->tableHeaderState());
}

void DeliveriesDock::showEvent(QShowEvent *event) {
    QDockWidget::showEvent(event);
    if (m_sized)
        return;
    m_sized = true;
    if (!isFloating())
        m_window->resizeDocks({this}, {qMax(m_view->minimumSizeHint().height(), m_window->height() / 3)}, Qt::Vertical);
}
