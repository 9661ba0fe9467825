#include "known_uri_schemes.hpp"

#include <fascicle/uri.hpp>

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
    return std::any_of(std::begin(known), std::end(known), [&](std::string_view k) { return is_scheme(scheme, k); });
}

}  // namespace fascicle::epub
