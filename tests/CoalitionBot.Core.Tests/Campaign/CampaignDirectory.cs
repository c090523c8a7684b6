using System.Text;

namespace CoalitionBot.Core.Tests.Campaign;

/// <summary>
/// The directory of the 66-organisation campaign (a 2015 LAWG-style memo): accents, leading articles ("The", "El",
/// "La", "Los"), acronyms in parentheses, an apostrophe, and one organisation without any contact.
/// </summary>
internal static class CampaignDirectory
{
    public static readonly (string Name, string Category, string Country)[] Organisations =
    [
        ("Amnesty International USA (AIUSA)", "International", "United States"),
        ("The Carter Center", "International", "United States"),
        ("Human Rights Watch", "International", "United States"),
        ("Oxfam America", "International", "United States"),
        ("Church World Service (CWS)", "International", "United States"),
        ("The Lutheran World Federation", "International", "Switzerland"),
        ("Mennonite Central Committee U.S.", "International", "United States"),
        ("American Friends Service Committee (AFSC)", "International", "United States"),
        ("Center for Justice and International Law (CEJIL)", "International", "Costa Rica"),
        ("Global Exchange", "International", "United States"),
        ("Washington Office on Latin America (WOLA)", "International", "United States"),
        ("Latin America Working Group (LAWG)", "International", "United States"),
        ("Due Process of Law Foundation (DPLF)", "International", "United States"),
        ("Jesuit Refugee Service/USA", "International", "United States"),
        ("Maryknoll Office for Global Concerns", "International", "United States"),
        ("Presbyterian Church (U.S.A.)", "International", "United States"),
        ("Unitarian Universalist Service Committee", "International", "United States"),
        ("The Episcopal Church", "International", "United States"),
        ("Witness for Peace", "International", "United States"),
        ("Christian Aid", "International", "United Kingdom"),
        ("Ökumenisches Büro für Frieden und Gerechtigkeit", "International", "Germany"),
        ("Éxodo Centro de Derechos Humanos", "National", "Mexico"),
        ("Centro de Derechos Humanos Miguel Agustín Pro Juárez (Centro Prodh)", "National", "Mexico"),
        ("Fundación para la Justicia y el Estado Democrático de Derecho (FJEDD)", "National", "Mexico"),
        ("Servicios y Asesoría para la Paz (Serapaz)", "National", "Mexico"),
        ("Comisión Colombiana de Juristas (CCJ)", "National", "Colombia"),
        ("Corporación Colectivo de Abogados José Alvear Restrepo (CAJAR)", "National", "Colombia"),
        ("Centro de Investigación y Educación Popular (CINEP)", "National", "Colombia"),
        ("Asociación para una Sociedad más Justa (ASJ)", "National", "Honduras"),
        ("Oficina de Derechos Humanos del Arzobispado de Guatemala (ODHAG)", "National", "Guatemala"),
        ("Unidad de Protección a Defensoras y Defensores de Derechos Humanos (UDEFEGUA)", "National", "Guatemala"),
        ("Comité de Familiares de Detenidos Desaparecidos en Honduras (COFADEH)", "National", "Honduras"),
        ("Ñepi Behña A.C.", "National", "Mexico"),
        ("Instituto de Defensa Legal (IDL)", "National", "Peru"),
        ("Coordinadora Nacional de Derechos Humanos (CNDDHH)", "National", "Peru"),
        ("Centro de Estudios Legales y Sociales (CELS)", "National", "Argentina"),
        ("Conectas Direitos Humanos", "National", "Brazil"),
        ("Justiça Global", "National", "Brazil"),
        ("Provea", "National", "Venezuela"),
        ("Fundación Myrna Mack", "National", "Guatemala"),
        ("El Centro de Derechos Humanos Fray Bartolomé de Las Casas", "National", "Mexico"),
        ("La Red Todos los Derechos para Todas y Todos (Red TDT)", "National", "Mexico"),
        ("Comité de Derechos Humanos de Nuevo Laredo", "National", "Mexico"),
        ("Los Abuelos de la Plaza", "National", "Argentina"),
        ("Plataforma Internacional contra la Impunidad", "Regional", "Guatemala"),
        ("Red Regional de Organizaciones Civiles para las Migraciones (RROCM)", "Regional", "Costa Rica"),
        ("Mesoamerican Working Group", "Regional", "United States"),
        ("Alianza Americas", "Regional", "United States"),
        ("Seattle International Foundation (SIF)", "Regional", "United States"),
        ("Kino Border Initiative", "Regional", "Mexico"),
        ("Hope Border Institute", "Regional", "United States"),
        ("The Border Network for Human Rights", "Regional", "United States"),
        ("Latin America Solidarity Coalition", "Regional", "United States"),
        ("SOA Watch (School of the Americas Watch)", "Regional", "United States"),
        ("Àgora Centroamericana", "Regional", "El Salvador"),
        ("Casa de Paz", "Local", "United States"),
        ("Riverside Refugee Aid", "Local", "United States"),
        ("The Annunciation House", "Local", "United States"),
        ("St. Mary's Immigrant Services", "Local", "United States"),
        ("Ohio Immigrant Alliance", "Local", "United States"),
        ("Coalición de Derechos Humanos (Tucson)", "Local", "United States"),
        ("Dolores Street Community Services", "Local", "United States"),
        ("Centro Legal de la Raza", "Local", "United States"),
        ("Étienne Community Center", "Local", "Canada"),
        ("Ñuu Savi Collective", "Local", "United States"),
        ("Zapatista Solidarity Committee of Portland", "Local", "United States"),
    ];

    /// <summary>The organisation without a contact: nobody can be reached there.</summary>
    public const int WithoutContact = 65;

    public static string ContactName(int index) => $"Signer {index + 1:00}";

    public static string ContactEmail(int index) => $"signer{index + 1:00}@campaign.example.org";

    /// <summary>`partners import` followed by the CSV: one contact per organisation, except <see cref="WithoutContact"/>.</summary>
    public static string ImportCommand()
    {
        var csv = new StringBuilder("partners import\norganisation,sort_name,category,country,contact_name,contact_email,slack_id,teams_id\n");
        for (var i = 0; i < Organisations.Length; i++)
        {
            var (name, category, country) = Organisations[i];
            var contact = i == WithoutContact ? ",," : $"{ContactName(i)},{ContactEmail(i)},";
            csv.Append('"').Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",,").Append(category).Append(',').Append(country).Append(',').Append(contact).Append(",\n");
        }

        return csv.ToString();
    }
}
