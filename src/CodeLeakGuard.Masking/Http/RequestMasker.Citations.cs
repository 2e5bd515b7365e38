using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// The sources an answer cited, which clients send back with it: what was quoted and the titles are masked as text
/// (as the documents and search results they point into are); the citation's type, offsets, URLs, file ids and the
/// provider's encrypted index pass as they are — masked as words, they became pseudonyms the provider rejected.
/// </summary>
public sealed partial class RequestMasker
{
    // Anthropic: char_location, page_location, content_block_location, web_search_result_location, search_result_location.
    private static readonly string[] CitationKeys =
    {
        "type", "cited_text", "title", "document_title", "source", "url", "encrypted_index", "document_index", "file_id",
        "start_char_index", "end_char_index", "start_page_number", "end_page_number", "start_block_index", "end_block_index",
        "search_result_index",
    };

    // OpenAI Responses output_text: url_citation, file_citation, container_file_citation, file_path.
    private static readonly string[] AnnotationKeys = { "type", "url", "title", "filename", "file_id", "container_id", "index", "start_index", "end_index" };

    /// <summary>An Anthropic text block's citations.</summary>
    private void MaskCitations(JsonNode? citations)
    {
        foreach (var citation in Items(citations))
        {
            Allow(citation, CitationKeys);
            Mask(citation, "cited_text", "title", "document_title", "source");
        }
    }

    /// <summary>A Responses <c>output_text</c>'s annotations.</summary>
    private void MaskAnnotations(JsonNode? annotations)
    {
        foreach (var annotation in Items(annotations))
        {
            Allow(annotation, AnnotationKeys);
            Mask(annotation, "title", "filename");
        }
    }

    /// <summary>The web sources a Chat Completions answer cited (<c>url_citation</c>): their titles are masked, URLs and offsets pass.</summary>
    private void MaskUrlCitations(JsonNode? annotations)
    {
        foreach (var annotation in Items(annotations))
        {
            Allow(annotation, "type", "url_citation");
            foreach (var citation in Items(annotation["url_citation"]))
            {
                Allow(citation, "url", "title", "start_index", "end_index");
                MaskContent(citation, "title");
            }
        }
    }
}
