/** Offline checks of the Kubernetes manifests: render every overlay, validate it, cross-check it with the services. */
package lab.like.k8s;
