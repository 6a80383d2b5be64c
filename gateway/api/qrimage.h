#pragma once

#include <QByteArray>
#include <QString>

namespace wagate {

//! A PNG of text as a QR code (error correction M, 8 pixels per module, the standard 4-module quiet
//! zone), for `/sessions/{session}/qr?format=png`. Empty on failure.
QByteArray qrPng(const QString &text);

} // namespace wagate
