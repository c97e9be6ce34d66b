/** HTTP concerns shared by all endpoints: the caller's organisation and RFC 9457 problem documents. */
package lab.like.metrics.web;
