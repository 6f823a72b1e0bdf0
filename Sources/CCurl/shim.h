#ifndef GOODAIR_CCURL_SHIM_H
#define GOODAIR_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them,
   so each argument type gets a typed wrapper. */

static inline CURLcode goodair_curl_setopt_long(CURL *h, CURLoption o, long v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode goodair_curl_setopt_string(CURL *h, CURLoption o, const char *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode goodair_curl_setopt_pointer(CURL *h, CURLoption o, void *v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode goodair_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) {
    return curl_easy_setopt(h, o, v);
}
typedef size_t (*goodair_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode goodair_curl_setopt_callback(CURL *h, CURLoption o, goodair_curl_data_callback v) {
    return curl_easy_setopt(h, o, v);
}
static inline CURLcode goodair_curl_getinfo_long(CURL *h, CURLINFO i, long *v) {
    return curl_easy_getinfo(h, i, v);
}
static inline CURLcode goodair_curl_getinfo_double(CURL *h, CURLINFO i, double *v) {
    return curl_easy_getinfo(h, i, v);
}
#endif
