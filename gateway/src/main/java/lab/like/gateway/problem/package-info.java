/** RFC 9457 problem documents, built in one place for every error the gateway answers itself. */
package lab.like.gateway.problem;
