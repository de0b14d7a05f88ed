package de.augenhoehe.portal.meinbereich.kampagnen;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.kampagnen.CampaignNetwork.Opened;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.FormErrors;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;
import de.augenhoehe.portal.web.PathIds;

/**
 * A campaign's material batches ({@code /api/campaigns/{id}/batches…}): a new batch with its own tracking code, a
 * batch's page with its distributions recorded, and its print sheet and QR codes as downloads — fetched by the portal
 * with the person's token and handed on as an attachment, so the token never reaches the browser.
 */
@Controller
class BatchesController {

    /** The downloads a batch offers: the portal's file name → the API's resource and what it is. */
    private enum File {
        DRUCKBOGEN("print-sheet.svg", "druckbogen", "svg", "image/svg+xml"),
        QR_SVG("qr.svg", "qr-code", "svg", "image/svg+xml"),
        QR_PNG("qr.png", "qr-code", "png", MediaType.IMAGE_PNG_VALUE);

        final String resource;
        final String name;
        final String extension;
        final String type;

        File(String resource, String name, String extension, String type) {
            this.resource = resource;
            this.name = name;
            this.extension = extension;
            this.type = type;
        }
    }

    private final PlatformApi api;
    private final CampaignNetwork networks;
    private final CampaignsController campaigns;

    BatchesController(PlatformApi api, CampaignNetwork networks, CampaignsController campaigns) {
        this.api = api;
        this.networks = networks;
        this.campaigns = campaigns;
    }

    @PostMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/chargen")
    String add(@PathVariable String networkId, @PathVariable String campaignId, @Valid @ModelAttribute("neueCharge") BatchForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Opened network = networks.check(networkId, model, request, response);
        JsonNode campaign = networks.campaign(network, campaignId);
        String id = campaign.path("id").asString();
        if (!errors.hasErrors()) {
            try {
                JsonNode batch = api.post("/api/campaigns/{id}/batches", form.request(), network.visit().bearer(), id);
                redirect.addFlashAttribute("meldung", "Die Charge für " + batch.path("area").asString() + " ist angelegt, Code "
                        + batch.path("code").asString() + ". Laden Sie jetzt den Druckbogen herunter.");
                return SeeOther.to(request, batchPath(network, id, batch.path("id").asString()));
            } catch (ApiProblem refused) {
                if (refused.is(409, "campaign-closed")) {
                    errors.reject("closed", "Die Kampagne ist abgeschlossen; es lassen sich keine Chargen mehr anlegen.");
                } else if (refused.is(409, "batch-limit")) {
                    errors.reject("limit", "Die Kampagne hat schon so viele Chargen, wie eine Kampagne haben kann.");
                } else if (refused.status() == 400 || refused.status() == 422) {
                    FormErrors.apply(refused, errors, BatchForm.MESSAGES, BatchForm.API_FIELDS, "Die Charge konnte nicht angelegt werden.");
                } else {
                    throw refused;
                }
            }
        }
        response.setStatus(errors.hasFieldErrors() ? 422 : 409);
        campaigns.show(networks.open(networkId, "kampagnen", model, request, response), id, model);
        return "kampagnen/kampagne";
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/chargen/{batchId}")
    String batch(@PathVariable String networkId, @PathVariable String campaignId, @PathVariable String batchId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        show(networks.open(networkId, "kampagnen", model, request, response), campaignId, batchId, model);
        model.addAttribute("distribution", new DistributionForm());
        return "kampagnen/charge";
    }

    @PostMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/chargen/{batchId}/verteilungen")
    String distribute(@PathVariable String networkId, @PathVariable String campaignId, @PathVariable String batchId,
            @Valid @ModelAttribute("distribution") DistributionForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Opened network = networks.check(networkId, model, request, response);
        String campaign = networks.campaign(network, campaignId).path("id").asString();
        String batch = PathIds.id(batchId);
        form.check(errors);
        if (!errors.hasErrors()) {
            try {
                JsonNode d = api.post("/api/campaigns/{id}/batches/{b}/distributions", form.request(), network.visit().bearer(), campaign, batch);
                redirect.addFlashAttribute("meldung", "Die Verteilung von " + d.path("quantity").asInt() + " Stück ist erfasst; verteilt sind jetzt "
                        + d.path("batchDistributed").asInt() + " Stück dieser Charge.");
                return SeeOther.to(request, batchPath(network, campaign, batch));
            } catch (ApiProblem refused) {
                if (refused.is(409, "batch-exhausted")) {
                    errors.rejectValue("menge", "exhausted", "So viele Stück hat die Charge nicht mehr: es kann nicht mehr verteilt werden, "
                            + "als sie hält.");
                } else if (refused.status() == 400 || refused.status() == 422) {
                    FormErrors.apply(refused, errors, DistributionForm.MESSAGES, DistributionForm.API_FIELDS,
                            "Die Verteilung konnte nicht erfasst werden.");
                } else {
                    throw refused;
                }
            }
        }
        response.setStatus(errors.hasFieldErrors("menge") && "exhausted".equals(errors.getFieldError("menge").getCode()) ? 409 : 422);
        show(networks.open(networkId, "kampagnen", model, request, response), campaign, batch, model);
        return "kampagnen/charge";
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/chargen/{batchId}/druckbogen.svg")
    ResponseEntity<byte[]> printSheet(@PathVariable String networkId, @PathVariable String campaignId, @PathVariable String batchId,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        return download(File.DRUCKBOGEN, networkId, campaignId, batchId, model, request, response);
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/chargen/{batchId}/qr-code.svg")
    ResponseEntity<byte[]> qrSvg(@PathVariable String networkId, @PathVariable String campaignId, @PathVariable String batchId,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        return download(File.QR_SVG, networkId, campaignId, batchId, model, request, response);
    }

    @GetMapping("/mein-bereich/kampagnen/{networkId}/{campaignId}/chargen/{batchId}/qr-code.png")
    ResponseEntity<byte[]> qrPng(@PathVariable String networkId, @PathVariable String campaignId, @PathVariable String batchId,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        return download(File.QR_PNG, networkId, campaignId, batchId, model, request, response);
    }

    private ResponseEntity<byte[]> download(File file, String networkId, String campaignId, String batchId, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Opened network = networks.check(networkId, model, request, response);
        String campaign = networks.campaign(network, campaignId).path("id").asString();
        String batch = PathIds.id(batchId);
        String code = api.get("/api/campaigns/{id}/batches/{b}", network.visit().bearer(), campaign, batch).path("code").asString("");
        Map<String, String> headers = new java.util.HashMap<>(network.visit().bearer());
        headers.put(HttpHeaders.ACCEPT, file.type + ", " + MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        PlatformApi.Download got = api.download("/api/campaigns/{id}/batches/{b}/" + file.resource, headers, campaign, batch);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name + "-" + code.replaceAll("[^A-Za-z0-9]", "") + "." + file.extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(got.body());
    }

    private void show(Opened network, String campaignId, String batchId, Model model) {
        JsonNode campaign = networks.campaign(network, campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("batch", api.get("/api/campaigns/{id}/batches/{b}", network.visit().bearer(), campaign.path("id").asString(),
                PathIds.id(batchId)));
    }

    private static String batchPath(Opened network, String campaign, String batch) {
        return CampaignNetwork.base(network.networkId()) + "/" + campaign + "/chargen/" + batch;
    }
}
