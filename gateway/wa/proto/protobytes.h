#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <string>

namespace wagate::wa {

//! Protobuf's bytes fields are std::string; ours are QByteArray. These copy between the two.
inline std::string toStdBytes(QByteArrayView bytes)
{
    return std::string(bytes.data() ? bytes.data() : "", size_t(bytes.size()));
}

inline QByteArray fromStdBytes(const std::string &bytes)
{
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

} // namespace wagate::wa
