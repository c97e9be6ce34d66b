/** The LIKE Lab gateway: the only public door to the services. */
package lab.like.gateway;
