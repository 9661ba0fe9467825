#include "known_uri_schemes.hpp"

#include <algorithm>
#include <iterator>

namespace fascicle::epub {

bool known_uri_scheme(std::string_view scheme) {
    // epubcheck's list (com.adobe.epubcheck.util.URISchemes, 4.2): an href with any other scheme
    // is reported as "non-registered URI scheme", and reading systems have no handler for it.
    static constexpr std::string_view known[]{
        "aaa",    "aaas",       "acap",         "afs",        "cap",        "cid",       "crid",       "data",
        "dav",    "dict",       "dns",          "dtn",        "fax",        "file",      "ftp",        "go",
        "gopher", "h323",       "http",         "https",      "iax",        "icap",      "im",         "imap",
        "info",   "ipp",        "irc",          "iris",       "iris.beep",  "iris.lwz",  "iris.xpc",   "iris.xpcs",
        "javascript", "ldap",   "mailserver",   "mailto",     "mid",        "modem",     "msrp",       "msrps",
        "mtqp",   "mupdate",    "news",         "nfs",        "nntp",       "opaquelocktoken", "pack", "pop",
        "pres",   "prospero",   "rtsp",         "service",    "shttp",      "sip",       "sips",       "snews",
        "snmp",   "soap.beep",  "soap.beeps",   "tag",        "tel",        "telnet",    "tftp",       "thismessage",
        "tip",    "tn3270",     "tv",           "urn",        "vemmi",      "videotex",  "wais",       "xmlrpc.beep",
        "xmlrpc.beeps", "xmpp", "z39.50r",      "z39.50s"};
    return std::any_of(std::begin(known), std::end(known), [&](std::string_view k) {
        if (k.size() != scheme.size()) return false;
        for (std::size_t i = 0; i < k.size(); ++i)
            if ((scheme[i] | 0x20) != k[i]) return false;  // scheme characters: letters, digits, + - .
        return true;
    });
}

}  // namespace fascicle::epub
