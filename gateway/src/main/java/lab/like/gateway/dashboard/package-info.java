/** The dashboard's assets beyond {@code static/} and the webjars: GOV.UK Frontend's fonts and images. */
package lab.like.gateway.dashboard;
