/** Problem documents and the caller resolved from gateway headers. */
package lab.like.experiment.platform.web;
